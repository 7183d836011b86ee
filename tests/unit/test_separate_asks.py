"""A teacher often asks two things in one message, after saying who they are ("em là giáo
viên … Em học ở đâu, ngày nào, và có cần mang theo gì không ạ?"). Each ask is answered, with
what the asker told of themselves; the letter below is written here, in our own words."""

from __future__ import annotations

import dataclasses

import pytest

from bot.knowledge.asked import separate_asks
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letter_index import Quote
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH CAO BẰNG
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 915/SGDĐT-GDPT
V/v tập huấn giáo viên dạy lớp ghép năm 2027
Cao Bằng, ngày 08 tháng 3 năm 2027
Kính gửi: Ủy ban nhân dân các xã, phường.
1. Thời gian và địa điểm
Lớp tập huấn tổ chức từ ngày 12/4/2027 đến ngày 14/4/2027 tại Trường Cao đẳng Sư phạm Cao \
Bằng, số 12 đường Hoàng Đình Giong, phường Thục Phán.
2. Chuẩn bị của học viên
Học viên mang theo máy tính xách tay và kế hoạch bài dạy một tiết lớp ghép đã soạn sẵn.
3. Hỗ trợ học viên
Học viên ở xa trên 30 km được bố trí chỗ nghỉ miễn phí tại ký túc xá của trường.
4. Liên hệ
Về danh sách học viên và chỗ nghỉ, liên hệ thầy Nông Văn Tâm, chuyên viên Phòng Giáo dục phổ \
thông, điện thoại 0915 226 418.
"""


def engine() -> AnsweringEngine:
    letter = read_letter_file(LETTER.encode(), "cv915.txt").letter
    found = AnsweringEngine([])
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def test_a_message_is_parted_into_who_asks_and_each_ask() -> None:
    background, asks = separate_asks(
        "Em chào Sở, em là giáo viên tiểu học ở xã Bảo Lạc, em mới tuyển tháng 9. "
        "Em học ở đâu, ngày nào, và có cần mang theo gì không ạ?") or ("", ())
    assert background == "em là giáo viên tiểu học ở xã Bảo Lạc, em mới tuyển tháng 9."
    assert asks == ("Em học ở đâu, ngày nào", "và có cần mang theo gì không ạ?")


@pytest.mark.parametrize(("message", "background", "ask"), [
    # whose case it is stays with the ask; a greeting and a worry do not
    ("Dạ em chào Sở, em dạy Toán ở phường Tân Giang. Lớp học ở đâu ạ? Em sợ đi muộn.",
     "em dạy Toán ở phường Tân Giang.", "Lớp học ở đâu ạ?"),
    # "xa" typed among marked words is far, not a commune ("xã")
    ("Lớp học ở đâu ạ? Nhà em xa lắm, đi lại vất vả.", "", "Lớp học ở đâu ạ?"),
    ("lop hoc o dau a? em o xa Bao Lac, di lai vat va.", "em o xa Bao Lac.", "lop hoc o dau a?"),
])
def test_what_a_message_says_besides_its_ask_is_kept_only_when_it_says_whose_case(
        message: str, background: str, ask: str) -> None:
    assert separate_asks(message) == (background, (ask,))


@pytest.mark.parametrize("message", [
    "hạn nộp danh sách là ngày nào, gửi mail nào?",  # one clause: one question with two values
    "Em là giáo viên lớp ghép. Lớp tập huấn học ở đâu?",  # one ask after a statement
    "Em học xong rồi. Em đã nộp bài. Em muốn hỏi thêm.",  # nothing asked
])
def test_a_message_asking_one_thing_is_not_parted(message: str) -> None:
    assert separate_asks(message) is None


def test_each_ask_of_a_message_gets_its_passage() -> None:
    answer = engine().answer(
        "Em chào Sở, em là giáo viên dạy lớp ghép ở điểm trường lẻ. Lớp tập huấn lớp ghép học "
        "ở địa điểm nào, và học viên cần mang theo những gì?")
    assert answer.kind == "quoted" and answer.quote is not None and answer.also
    shown = answer.quote.text + "".join(q.text for q in answer.also if isinstance(q, Quote))
    assert "Trường Cao đẳng Sư phạm Cao Bằng" in shown
    assert "máy tính xách tay" in shown


def test_whom_to_contact_is_answered_though_the_asker_told_much_of_themselves() -> None:
    answer = engine().answer(
        "Dạ em chào Sở, em là giáo viên dạy lớp ghép ở một điểm trường lẻ rất xa trung tâm, "
        "đường đi lại mùa mưa khó khăn lắm. Em đã nhờ nhà trường gửi tên từ tuần trước nhưng "
        "chưa thấy phản hồi. Về danh sách em hỏi ai, số điện thoại nào, và lớp học từ ngày "
        "nào ạ?")
    assert answer.kind == "quoted" and answer.quote is not None
    shown = answer.quote.text + "".join(q.text for q in answer.also if isinstance(q, Quote))
    assert "0915 226 418" in shown


def test_a_worry_after_the_ask_does_not_keep_its_passage_from_being_quoted() -> None:
    answer = engine().answer("Lớp tập huấn lớp ghép học ở địa điểm nào ạ? Em đi dạy cả tuần, "
                             "đường sá xa xôi sợ đến không kịp.")
    assert answer.kind == "quoted" and answer.quote is not None
    assert "Trường Cao đẳng Sư phạm Cao Bằng" in answer.quote.text


@pytest.mark.parametrize("message", [
    "Học viên tập huấn lớp ghép có được thanh toán tiền tàu xe không ạ? Em đi dạy cả tuần, "
    "đường sá xa xôi sợ đến không kịp.",
    "Giáo viên dạy lớp ghép có được hưởng phụ cấp không ạ? Em dạy ở điểm lẻ mấy năm nay rồi, "
    "vất vả lắm.",
    "Lớp tập huấn lớp ghép có cấp giấy chứng nhận không ạ? Em đi dạy cả tuần, sợ không kịp.",
])
def test_an_ask_the_letter_does_not_answer_stays_refused_without_its_worry(message: str) -> None:
    assert engine().answer(message).kind == "none"


@pytest.mark.parametrize(("message", "asks"), [
    # "chưa thấy … đâu" stresses the "not": one worry, then the one ask
    ("Em học xong rồi mà vẫn chưa thấy chứng chỉ đâu, không biết có phải do kế hoạch của em "
     "chưa được duyệt không ạ?", 1),
    # "ở đâu", "nộp đâu" after "không biết" ask where
    ("Em chưa biết nộp hồ sơ đâu, hạn cuối nộp hồ sơ là ngày nào ạ?", 2),
    # "chưa học lớp nào." is "not any class", told; the two asks after it are asked
    ("Trường có hai cô mới về, đều chưa học lớp nào. Hai cô học ở đâu, học từ ngày nào ạ? "
     "Còn trường nộp danh sách cho ai?", 2),
])
def test_a_closing_dau_after_a_not_asks_nothing(message: str, asks: int) -> None:
    found = separate_asks(message)
    assert (len(found[1]) if found else 1) == asks, found


def test_con_after_an_ask_turns_to_another_case_asked_of_its_own() -> None:
    # typed without marks, the first ask does not end on its question word ("ai ky giay"),
    # yet "con …" asks anew
    found = separate_asks("hoc vien o gan thi ai ky giay di hoc, con hoc vien o xa tren 30 km "
                          "thi ai bo tri cho nghi")
    assert found is not None
    assert found[1] == ("hoc vien o gan thi ai ky giay di hoc",
                        "con hoc vien o xa tren 30 km thi ai bo tri cho nghi")
    # a "còn" that is no turn to another ask ("còn kịp không") parts nothing
    assert separate_asks("em nộp kế hoạch bài dạy ngày 13/4 thì còn kịp không ạ") is None


@pytest.mark.parametrize("message", [
    # who does something is asked before the verb: the clause ends on what they do
    "giáo viên dạy lớp ghép đi tập huấn thì ai chi tiền xe, ở lại qua đêm có được bố trí "
    "chỗ nghỉ không",
    "lop tap huan lop ghep do ai to chuc, hoc vien can mang theo nhung gi",
])
def test_an_ask_of_who_does_something_ends_its_clause(message: str) -> None:
    found = separate_asks(message)
    assert found is not None and len(found[1]) == 2, found


def test_a_yes_or_no_ask_after_an_ask_with_its_word_inside_is_its_own() -> None:
    # "gì" is not the first clause's last word ("… những gì ở lớp"), yet the clause after it
    # closes an ask of its own ("có … không")
    found = separate_asks("học viên phải chuẩn bị những gì trước buổi học đầu tiên, học viên ở "
                          "xa có được bố trí chỗ nghỉ không")
    assert found is not None and len(found[1]) == 2, found
    # a clause that only goes on with the first ask's subject parts nothing
    assert separate_asks("em cần mang theo gì khi đi học ở trường cao đẳng") is None
