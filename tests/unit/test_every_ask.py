"""A long message asks two or three things after telling whose case it is ("Em dạy ở xã …
Lớp học ở đâu, giáo viên hợp đồng có phải học không, và nếu bận thì cử người khác học thay
được không?"): each ask the letter answers gets its answer, short enough for a phone. And an
answer must be about what is asked: a text naming no allowance does not answer "có được phụ
cấp tiền ăn không", nor one stating no number of periods "bao nhiêu tiết". The letter and the
entries below are written here, in our own words."""

from __future__ import annotations

import dataclasses
import gettext

from bot.knowledge.asked import separate_asks, told
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry
from bot.knowledge.normalize import named_places, words
from bot.knowledge.render import WITH_ASKS_LIMIT, plain_text, render_answer
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH ĐIỆN BIÊN
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 377/SGDĐT-GDPT
V/v bồi dưỡng giáo viên dạy môn Khoa học lớp 4 năm 2027
Điện Biên, ngày 05 tháng 01 năm 2027
Kính gửi: Ủy ban nhân dân các xã, phường.
1. Đối tượng
a) Giáo viên tiểu học được phân công dạy môn Khoa học lớp 4, lớp 5 năm học 2026-2027.
b) Giáo viên hợp đồng có thời hạn dưới 06 tháng không tham gia khóa bồi dưỡng.
2. Thời gian và địa điểm
Buổi thực hành tổ chức ngày 20/3/2027, giáo viên học tại điểm ứng với địa bàn trước đây nơi \
có trường:
- Các xã thuộc huyện Mường Nhé trước đây: Trường Phổ thông dân tộc nội trú Mường Nhé.
- Các xã thuộc huyện Tủa Chùa trước đây: Trường Trung học phổ thông Tủa Chùa.
- Các phường thuộc thành phố Điện Biên Phủ trước đây: Trường Cao đẳng Sư phạm Điện Biên.
3. Trách nhiệm
Hiệu trưởng bố trí lịch dạy để giáo viên dự đủ buổi thực hành, không cử người học thay.
4. Kinh phí
Phòng Văn hóa - Xã hội các xã bố trí kinh phí tổ chức lớp theo kế hoạch.
5. Ưu tiên
Giáo viên dạy lớp có học sinh khuyết tật học hòa nhập được ưu tiên cử đi học trước.
"""

MESSAGE = ("Dạ thưa Sở, em là hiệu trưởng trường tiểu học ở xã thuộc huyện Tủa Chùa cũ. "
           "Trường em có hai cô dạy Khoa học lớp 4, một cô là giáo viên hợp đồng 3 tháng. "
           "Cho em hỏi các cô học buổi thực hành ở đâu, cô hợp đồng có phải đi học không, và "
           "nếu hôm đó một cô bận thì em cử người khác học thay được không ạ?")


def engine(*entries: Entry) -> AnsweringEngine:
    letter = read_letter_file(LETTER.encode(), "cv377.txt").letter
    found = AnsweringEngine(entries)
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def shown(message: str, found: AnsweringEngine) -> str:
    return plain_text(render_answer(found.answer(message), gettext.gettext))


def test_asks_parted_by_bare_commas_each_name_a_subject() -> None:
    _background, asks = separate_asks(MESSAGE) or ("", ())
    assert asks == ("Cho em hỏi các cô học buổi thực hành ở đâu",
                    "cô hợp đồng có phải đi học không",
                    "và nếu hôm đó một cô bận thì em cử người khác học thay được không ạ?")


def test_each_ask_of_a_long_message_gets_its_answer_within_a_phone_message() -> None:
    text = shown(MESSAGE, engine())
    assert "Trường Trung học phổ thông Tủa Chùa" in text  # the line of the asker's district
    assert "dưới 06 tháng" in text
    assert "không cử người học thay" in text
    assert len(text) <= WITH_ASKS_LIMIT


def test_what_the_asker_tells_picks_the_line_but_is_not_what_is_asked() -> None:
    text = shown("Em dạy Khoa học lớp 4 ở xã thuộc huyện Mường Nhé cũ. Buổi thực hành em học "
                 "ở đâu, và cô hợp đồng 3 tháng có phải đi học không ạ?", engine())
    assert "Phổ thông dân tộc nội trú Mường Nhé" in text
    assert "dưới 06 tháng" in text


TEMIS = Entry(id="temis", topic="t", title="Đánh giá giáo viên trên TEMIS",
              answer="Hiệu trưởng đánh giá 100% giáo viên dạy Khoa học lớp 4 trên hệ thống "
                     "TEMIS trước ngày 30/5.",
              questions=("Hiệu trưởng đánh giá bao nhiêu phần trăm giáo viên dạy Khoa học "
                         "lớp 4?",))


def test_an_allowance_asked_is_not_answered_by_a_text_naming_none() -> None:
    found = engine(TEMIS)
    assert found.answer("Giáo viên dạy Khoa học lớp 4 được hưởng phụ cấp ưu đãi bao nhiêu "
                        "phần trăm?").kind == "none"
    assert found.answer("Hiệu trưởng đánh giá bao nhiêu phần trăm giáo viên dạy Khoa học "
                        "lớp 4?").entry == TEMIS


RANKED = Entry(id="ranked", topic="t", title="Xếp loại giáo viên cuối năm",
               answer="Giáo viên không hoàn thành bồi dưỡng bị xếp loại chưa đạt chuẩn nghề "
                      "nghiệp khi đánh giá cuối năm học.",
               questions=("Không hoàn thành bồi dưỡng thì đánh giá xếp loại cuối năm ra sao?",))


def test_an_entry_is_not_given_for_a_topic_only_the_letters_speak_of() -> None:
    found = engine(RANKED)
    question = "Học sinh khuyết tật học hòa nhập được đánh giá xếp loại cuối năm ra sao?"
    assert found.answer(question).kind == "none"
    assert found.answer("Không hoàn thành bồi dưỡng thì đánh giá xếp loại cuối năm ra sao?"
                        ).entry == RANKED


def test_the_province_an_asker_came_from_is_not_the_one_asked_about() -> None:
    assert named_places(words("Em mới chuyển từ Thái Nguyên về dạy ở Điện Biên, lớp học ở "
                              "đâu?")) == named_places(words("Em dạy ở Điện Biên"))


def test_what_the_asker_wants_stays_what_is_asked() -> None:
    background = "Em dạy Toán ở xã Mường Nhé, em muốn học văn bằng hai sư phạm Tin học."
    story = told(background, "Sở có hỗ trợ học phí không ạ?")
    assert "mường" in story
    assert "văn" not in story and "bằng" not in story


def test_a_count_asked_is_not_answered_by_a_text_counting_something_else() -> None:
    found = engine()
    assert found.answer("Giáo viên tiểu học dạy môn Khoa học lớp 4 được giảm bao nhiêu tiết "
                        "dạy một tuần?").kind == "none"
    assert "06 tháng" in shown("Giáo viên hợp đồng dưới bao nhiêu tháng thì không tham gia "
                               "khóa bồi dưỡng?", found)


VENUES = """UBND TỈNH NGHỆ AN
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 912/SGDĐT-GDMN
V/v bồi dưỡng giáo viên dạy lớp mẫu giáo ghép năm 2027
Nghệ An, ngày 12 tháng 01 năm 2027
1. Lớp tập trung ngày 06/3/2027 tại Trường Mầm non Hoa Sen, xã Quỳ Châu, cho giáo viên các \
xã thuộc huyện Quỳ Châu, Quế Phong trước đây; mỗi lớp tập trung có tối đa 40 giáo viên.
2. Mỗi nhóm thực hành dạy mẫu có không quá 25 cháu.
"""


def test_a_count_typed_without_marks_is_not_a_place_name_sharing_its_letters() -> None:
    found = AnsweringEngine(())
    letter = read_letter_file(VENUES.encode(), "cv912.txt").letter
    found.letters.replace([dataclasses.replace(letter, id=1)])
    # "cháu" typed "chau": "Quỳ Châu" names a place, it counts no children
    assert found.answer("mot lop tap trung o quy chau co toi da bao nhieu chau",
                        role="gv").kind == "none"
    assert "25 cháu" in shown("moi nhom thuc hanh day mau co toi da bao nhieu chau", found)


def fee_letter(subject: str) -> AnsweringEngine:
    found = AnsweringEngine(())
    letter = read_letter_file(f"""UBND TỈNH NGHỆ AN
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 915/SGDĐT-GDMN
V/v {subject}
Nghệ An, ngày 14 tháng 01 năm 2027
1. Học phí
Giáo viên trường công lập không phải đóng học phí; giáo viên trường tư thục đóng học phí \
300.000 đồng một người, nộp cho trường cao đẳng trước ngày 20/02/2027.
""".encode(), "cv915.txt").letter
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def test_pupils_asked_of_are_not_answered_by_a_rule_for_their_teachers() -> None:
    found = fee_letter("bồi dưỡng giáo viên dạy lớp mẫu giáo 5 tuổi năm 2027")
    assert found.answer("Trẻ 5 tuổi học mẫu giáo công lập có được miễn học phí không ạ?",
                        role="gv").kind == "none"
    assert "300.000" in shown("Giáo viên trường tư thục đóng học phí bao nhiêu?", found)
    # a course named for the pupils its teachers teach: they name the course, not the asker
    named = fee_letter("bồi dưỡng giáo viên dạy tiếng Việt cho học sinh dân tộc thiểu số")
    assert "300.000" in shown("lớp tiếng Việt cho học sinh dân tộc thiểu số học phí bao "
                              "nhiêu ạ", named)


FORMS = Entry(id="forms", topic="t", title="Sai thông tin cá nhân thì lập danh sách mẫu nào?",
              answer="Đơn vị lập danh sách người cần sửa thông tin theo mẫu Phụ lục 4.",
              questions=("Thông tin cá nhân sai thì lập danh sách theo mẫu nào?",))


def test_an_ask_naming_no_subject_goes_on_from_the_one_before() -> None:
    found = engine(FORMS)
    # the first ask's subject is known to nothing loaded: "theo mẫu nào" alone is not its answer
    assert found.answer("Thủ tục cấp phép xây nhà để xe cho trường cần những giấy tờ gì, danh "
                        "sách theo mẫu nào?").kind == "none"
    assert found.answer("Thông tin cá nhân sai thì lập danh sách theo mẫu nào?").entry == FORMS


PAY = Entry(id="pay", topic="t", title="Lương trong thời gian bồi dưỡng",
            answer="Trong thời gian bồi dưỡng, giáo viên được hưởng nguyên lương và các khoản "
                   "phụ cấp theo quy định.",
            questions=("Đi bồi dưỡng có được hưởng lương, phụ cấp không?",))


def test_an_amount_of_money_asked_is_not_answered_by_naming_the_allowance() -> None:
    found = engine(PAY)
    assert found.answer("Giáo viên đi bồi dưỡng được hưởng phụ cấp bao nhiêu mỗi tháng?"
                        ).kind == "none"
    assert found.answer("Đi bồi dưỡng giáo viên có được hưởng lương và phụ cấp không?"
                        ).entry == PAY
