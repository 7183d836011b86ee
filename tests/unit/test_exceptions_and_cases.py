"""A teacher states their own case ("em đang có bầu", "em đã có chứng chỉ", "em sinh con đúng
hôm học") and needs the letter's rule for it: the exception, and what replaces what it takes
away (someone else goes instead, a make-up class and its dates, the one part left to do and its
deadline). Long messages ask two or three things; each is answered, and an ask of a few words
("em có đủ điều kiện không") takes its subject from the message, never from an entry on
another course. The letter is written here, in our own words.
"""

from __future__ import annotations

import dataclasses

from bot.knowledge.asked import separate_asks
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.knowledge.letter_index import LetterIndex, Quote
from bot.knowledge.letter_tables import table_lines
from bot.knowledge.letters import read_letter
from bot.knowledge.normalize import words
from tests.letter_quotes import quoted

CLASSES = [
    ["Lớp", "Trường ở xã, phường thuộc", "Ngày học tập trung", "Nơi học"],
    ["Lớp A", "Các huyện Quảng Hòa, Hạ Lang trước đây", "10/4/2027 - 11/4/2027",
     "Trường Cao đẳng Sư phạm tỉnh"],
    ["Lớp B", "Các huyện Bảo Lạc, Bảo Lâm trước đây", "17/4/2027 - 18/4/2027",
     "Trường THPT Bảo Lạc"],
    ["Lớp C", "Mọi xã, phường", "24/4/2027 - 25/4/2027", "Trung tâm Y tế tỉnh"],
]

LETTER = "\n".join([
    "UBND TỈNH CAO BẰNG",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 611/SGDĐT-CTTT",
    "V/v tập huấn sơ cứu ban đầu cho giáo viên năm 2027",
    "Cao Bằng, ngày 05 tháng 3 năm 2027",
    "1. Người tham gia",
    "Mỗi trường cử 01 giáo viên phụ trách y tế trường học. Người đang mang thai, người vừa mổ "
    "trong 06 tháng không thực hành ép tim, hô hấp nhân tạo; hiệu trưởng chọn giáo viên khác "
    "đi tập huấn thay.",
    "2. Nội dung",
    "Phần 1 (08 tiết) học trực tuyến từ ngày 01/4/2027 đến hết ngày 30/4/2027 về xử trí hóc "
    "dị vật, chảy máu và gãy xương.",
    "Các hướng dẫn mới của Bộ Y tế về sơ cứu được đăng trên hệ thống học trực tuyến.",
    "Phần 2 (04 tiết): mỗi học viên quay video thực hành băng bó, gửi lên hệ thống trước ngày "
    "20/5/2027.",
    "Giáo viên đã có chứng chỉ sơ cấp cứu của Hội Chữ thập đỏ còn hạn được miễn phần 1 và "
    "các buổi tập trung, chỉ làm phần 2.",
    "3. Lịch học tập trung",
    *table_lines(CLASSES),
    "Học viên ốm, nghỉ thai sản đúng ngày học của lớp mình được học bù cùng Lớp C nếu báo Sở "
    "trước 03 ngày.",
    "4. Kinh phí",
    "Học viên trường công lập được hỗ trợ tiền ăn trưa 50.000 đồng mỗi ngày học tập trung.",
    "Học xong được tính 12 tiết bồi dưỡng thường xuyên.",
    "5. Đổi người học",
    "Trường thay người học (do ốm dài ngày, chuyển trường) báo Sở chậm nhất ngày 25/3/2027; "
    "quá hạn này Sở không thay người.",
    "6. Giấy chứng nhận",
    "Học viên hoàn thành phần trực tuyến và nộp video đạt yêu cầu được Sở cấp giấy chứng nhận "
    "trước ngày 15/6/2027.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
])

ANSWERED = "\n".join([
    "UBND TỈNH CAO BẰNG",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 702/SGDĐT-CTTT",
    "V/v trả lời vướng mắc về tập huấn sơ cứu ban đầu năm 2027",
    "Cao Bằng, ngày 20 tháng 3 năm 2027",
    "I. TRẢ LỜI CÁC CÂU HỎI",
    "Câu 1. Trường Tiểu học Hòa Thuận hỏi: nhân viên y tế hợp đồng của trường có được đi tập "
    "huấn sơ cứu không?",
    "Trả lời: Được.",
    "Nhân viên y tế hợp đồng học cùng giáo viên phụ trách y tế, chỉ học phần 1 trực tuyến "
    "và không nộp video.",
    "Câu 2. Trường THCS Đức Long hỏi: trường ở xa, nhân viên y tế hợp đồng có được học ở Lớp B "
    "cho gần không?",
    "Trả lời: Được, nhà trường báo Sở trước ngày 01/4/2027 để xếp lớp cho người học.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
])


def _index(*texts: str) -> LetterIndex:
    return LetterIndex([dataclasses.replace(read_letter(text), id=k)
                        for k, text in enumerate(texts, start=1)])


def test_an_exception_is_quoted_with_what_replaces_it() -> None:
    # "có bầu" is the letter's "mang thai"; the clause after its ";" says who goes instead
    text = quoted(_index(LETTER), "cô giáo đang có bầu thì có được đi hc lớp sơ cứu không ạ")
    assert "mang thai" in text and "chọn giáo viên khác" in text


def test_a_make_up_class_is_quoted_with_its_dates() -> None:
    text = quoted(_index(LETTER), "Em ở huyện Bảo Lạc cũ, đúng hôm học em sinh con thì học bù "
                                  "thế nào ạ?")
    assert "Lớp C" in text and "24/4/2027" in text


def test_the_one_part_left_to_do_is_quoted_with_its_deadline() -> None:
    text = quoted(_index(LETTER), "gv đã có chứng chỉ sơ cấp cứu của Hội Chữ thập đỏ thì có "
                                  "phải học lại không ạ")
    assert "chỉ làm phần 2" in text and "20/5/2027" in text


def test_an_answered_question_is_quoted_without_its_neighbour() -> None:
    text = quoted(_index(ANSWERED), "nhân viên y tế hợp đồng có được đi tập huấn sơ cứu "
                                    "không, học những phần nào")
    assert "chỉ học phần 1" in text and "Đức Long" not in text


def test_two_asks_joined_by_va_are_each_asked() -> None:
    found = separate_asks("Cho em hỏi học xong được tính bao nhiêu tiết bồi dưỡng thường "
                          "xuyên và mấy ngày tập trung có được hỗ trợ tiền ăn trưa không ạ?")
    assert found is not None and len(found[1]) == 2
    # two things of one ask are no second ask
    assert separate_asks("tiền ăn và tiền đi lại có được thanh toán không ạ") is None


def test_a_short_ask_takes_its_subject_from_the_message_not_from_another_course() -> None:
    other = Entry(id="module_one", topic="modules", title="Chưa xong mô đun 1",
                  answer="Không. Giáo viên chưa hoàn thành mô đun 1 không đủ điều kiện học "
                         "mô đun tiếp theo.",
                  questions=("Chưa xong mô đun 1 có đủ điều kiện đi học không?",),
                  province="binh_phuoc",
                  sources=(Source(document="001", number="12/SGDĐT-GDTrH", date="3/2020",
                                  issuer="Sở GD&ĐT Bình Phước"),))
    engine = AnsweringEngine([other])
    engine.letters.replace(_index(LETTER).letters)
    answer = engine.answer(
        "Dạ em chào Sở ạ. Em là giáo viên chủ nhiệm ở trường tiểu học xã Hạ Lang, hiệu trưởng "
        "định cử em đi lớp sơ cứu ban đầu. Cho em hỏi em có đủ điều kiện đi học không, học "
        "xong được tính bao nhiêu tiết bồi dưỡng thường xuyên và mấy ngày tập trung có được "
        "hỗ trợ tiền ăn trưa không, bao nhiêu ạ?")
    assert answer.entry is None or answer.entry.id != "module_one"
    shown = " ".join(f.text if isinstance(f, Quote) else f.answer
                     for f in (answer.quote, *answer.also) if f is not None)
    assert "12 tiết" in shown and "50.000" in shown


def test_finishing_by_a_day_is_asked_as_the_end_of_the_span() -> None:
    # "học xong" is the letters' "hoàn thành", which the certificate's sentence says; the
    # deadline asked is where the online part ends
    text = quoted(_index(LETTER), "phần học trực tuyến em phải học xong trước ngày nào ạ")
    assert "30/4/2027" in text


def test_a_late_report_is_answered_by_the_deadline_it_missed() -> None:
    text = quoted(_index(LETTER), "Ngày 27/3/2027 trường tôi mới báo Sở thay người học vì cô "
                                  "giáo chuyển trường, như vậy còn kịp không ạ?")
    assert "25/3/2027" in text
    # "mới báo" says when the asker reported, as their date does; "giáo viên mới" is new
    assert words("trường tôi vừa mới nộp danh sách") == words("trường tôi nộp danh sách")
    assert "mới" in words("giáo viên mới nhận công tác")
