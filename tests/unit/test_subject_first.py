"""Two sentences of one section state a count of periods, one for the contestant and one for
the judge, and the contestant's names the judge too ("có nhận xét của thành viên ban giám
khảo"). Asked the two together, each is answered by the sentence opening with whom it asks of;
asked what follows a failed test, by the sentence saying so with its date. The letter is
written here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.i18n import translator
from bot.knowledge.asked import asked, asked_kind
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.render import plain_text, render_answer
from bot.knowledge.subject_first import opens_with, question_subject
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx

VI = translator("vi").gettext

HEADER = (["UBND TỈNH QUẢNG TRỊ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 655/SGDĐT-GDTrH",
           "V/v hội thi thiết kế bài giảng điện tử năm học 2026-2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Quảng Trị, ngày 12 tháng 3 năm 2027"])
BODY = ["Kính gửi: Các trường trung học cơ sở, trung học phổ thông.",
        "1. Người dự thi",
        "Mỗi trường cử từ 01 đến 03 giáo viên dự thi; bài dự thi gửi về Sở trước ngày 30/4/2027.",
        "2. Công nhận và chế độ",
        "Giáo viên dự thi có bài được xếp loại Đạt và có nhận xét của thành viên ban giám khảo "
        "ở mức \"Đạt yêu cầu\" được hiệu trưởng xác nhận hoàn thành hội thi, được tính 10 tiết "
        "vào nội dung bồi dưỡng 2 của năm học 2026-2027 và được nhà trường ghi nhận khi đánh giá, "
        "xếp loại viên chức cuối năm học, xét thi đua và xét chọn giáo viên tham gia hội thi giáo "
        "viên dạy giỏi cấp tỉnh của năm học kế tiếp theo kế hoạch riêng của Sở, kèm hồ sơ "
        "minh chứng lưu tại tổ chuyên môn và tại văn phòng nhà trường. Trường hợp bài thi xếp "
        "loại Chưa đạt, giáo viên được sửa bài một lần theo góp ý của ban giám khảo và gửi lại "
        "bài trước ngày 30/9/2027; bài sửa "
        "được chấm lại bởi chính thành viên ban giám khảo đã chấm lần đầu.",
        "Thành viên ban giám khảo được tính 08 tiết bồi dưỡng thường xuyên cho mỗi hội thi và "
        "được chi thù lao chấm bài theo quy định hiện hành của tỉnh về chế độ chi cho các hội "
        "thi của ngành giáo dục.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC"]


def _index() -> LetterIndex:
    letter = read_letter_file(letter_docx(BODY, HEADER), "baigiang.docx").letter
    return LetterIndex([dataclasses.replace(letter, id=1)])


def test_the_subject_is_whom_a_question_opens_with() -> None:
    assert question_subject("còn thành viên ban giám khảo được tính mấy tiết") == (
        "thanh", "vien", "ban", "giam", "khao")
    assert question_subject("bao nhiêu tiết thì đủ") == ()
    assert opens_with(("thanh", "vien", "ban", "giam", "khao"),
                      "Thành viên ban giám khảo được tính 08 tiết")
    assert not opens_with(("thanh", "vien"), "Giáo viên dự thi có nhận xét của thành viên")


def test_the_sentence_opening_with_the_subject_states_its_count() -> None:
    quote = _index().search("thành viên ban giám khảo được tính bao nhiêu tiết")
    assert quote is not None
    assert "08 tiết" in quote.text


def test_two_counts_asked_together_are_both_given() -> None:
    engine = AnsweringEngine([])
    engine.letters.add(read_letter_file(letter_docx(BODY, HEADER), "baigiang.docx").letter)
    answer = engine.answer("giáo viên dự thi đạt thì được tính mấy tiết bồi dưỡng, còn thành "
                           "viên ban giám khảo được tính mấy tiết")
    text = plain_text(render_answer(answer, VI))
    assert "10 tiết" in text and "08 tiết" in text


def test_what_follows_a_failed_test_and_by_when() -> None:
    assert asked_kind("phải làm gì, đến hạn nào") == "date"
    assert "tiep" in asked("bài bị chưa đạt thì phải làm gì tiếp")[1]
    quote = _index().search("Nếu bài thi của giáo viên bị xếp loại Chưa đạt thì giáo viên phải "
                            "làm gì tiếp, đến hạn nào?")
    assert quote is not None and "30/9/2027" in quote.text
