"""A numbered list of criteria a trainer must all meet, with a date threshold and a cap on
classes. A teacher's case that one criterion decides (retiring before the date, a class more
than the cap) is answered by that criterion, however the case is typed (a mark mistyped, the
subject taught that the letter never names, a count spelled out, "cô ấy" for the one told of).
The letter is written here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.i18n import translator
from bot.knowledge.asked import amount_unit, points_back, stated_amounts
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letter_index import terms
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx

VI = translator("vi").gettext

HEADER = (["UBND TỈNH GIA LAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 2210/SGDĐT-GDTrH",
           "V/v chọn báo cáo viên tập huấn chương trình địa phương năm 2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Gia Lai, ngày 20 tháng 01 năm 2027"])
BODY = ["Kính gửi: Các trường trung học cơ sở, trung học phổ thông.",
        "1. Tiêu chuẩn báo cáo viên",
        "Báo cáo viên phải đáp ứng đồng thời các tiêu chuẩn sau:",
        "(1) Có từ đủ 07 năm giảng dạy cấp học đăng ký trở lên;",
        "(2) Được xếp loại \"Hoàn thành xuất sắc nhiệm vụ\" trong năm học 2025-2026;",
        "(3) Không phụ trách quá 03 lớp tập huấn trong cùng năm;",
        "(4) Không nghỉ hưu trước ngày 30/6/2027.",
        "2. Danh sách",
        "Hiệu trưởng gửi danh sách báo cáo viên về Phòng Giáo dục Trung học của Sở qua thư điện "
        "tử tapHuanGL@gialai.edu.vn trước ngày 10/02/2027.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC"]


def _engine() -> AnsweringEngine:
    letter = read_letter_file(letter_docx(BODY, HEADER), "baocaovien.docx").letter
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    return engine


def _said(question: str) -> str:
    return plain_text(render_answer(_engine().answer(question), VI))


def test_a_count_spelled_out_or_said_as_the_next_one_is_an_amount() -> None:
    folded = "co ay nhan them lop thu tu duoc khong".split()
    assert amount_unit(folded, 6) == "lop" and {5, 6} <= stated_amounts(folded)
    assert amount_unit("da phu trach ba lop".split(), 3) == "lop"
    assert amount_unit("hoc vao ngay thu ba".split(), 4) is None  # a weekday


def test_a_retirement_date_mistyped_and_a_subject_the_letter_never_names() -> None:
    said = _said("cô giáo dạy toán THCS sẽ nghĩ hưu tháng 3/2027 thì có làm báo cáo viên được "
                 "không ạ")
    assert "30/6/2027" in said


def test_one_more_than_the_cap_told_in_a_long_message_and_where_the_list_goes() -> None:
    said = _said("Em chào Sở, em là hiệu trưởng trường THCS. Trường có một cô dạy 10 năm, năm "
                 "học trước hoàn thành xuất sắc nhiệm vụ, đã phụ trách ba lớp tập huấn năm nay "
                 "rồi. Em muốn hỏi cô ấy có nhận thêm lớp thứ tư được không, và danh sách báo "
                 "cáo viên gửi về đâu, trước ngày nào ạ?")
    assert "03 lớp" in said and "10/02/2027" in said


def test_a_mark_mistyped_in_a_pair_the_letter_says_still_counts() -> None:
    index = _engine().letters
    criterion = terms("(4) Không nghỉ hưu trước ngày 30/6/2027.")
    typed_right = index.cover("nghỉ hưu tháng 3/2027 có làm báo cáo viên được không", criterion)
    mistyped = index.cover("nghĩ hưu tháng 3/2027 có làm báo cáo viên được không", criterion)
    assert mistyped == typed_right
    # a word of no pair the letter says keeps its marks: "lương" is not the letters' "lượng"
    assert index.cover("lương báo cáo viên", terms("Số lượng báo cáo viên")) < 1.0


def test_cô_ấy_is_the_one_told_of_and_says_no_more() -> None:
    index = _engine().letters
    assert index.content_words("cô ấy có nhận thêm lớp thứ tư được không") <= 3


def test_only_a_title_with_a_word_pointing_back_names_the_one_told_of() -> None:
    assert points_back("thầy ấy có nhận thêm lớp được không")
    assert not points_back("kinh phí cho các cô do ai chi")


def test_a_subject_the_letter_names_keeps_its_weight() -> None:
    body = [*BODY[:2], "Giáo viên Giáo dục thể chất được học thêm chuyên đề bóng chuyền.",
            "Giáo viên các môn khác học chuyên đề chuyển đổi số.", *BODY[2:]]
    letter = read_letter_file(letter_docx(body, HEADER), "gdtc.docx").letter
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    question = "tôi dạy giáo dục thể chất thì học chuyên đề nào"
    named = engine.letters.cover(question, terms(body[2]))
    other = engine.letters.cover(question, terms(body[3]))
    assert named > other + 0.3
