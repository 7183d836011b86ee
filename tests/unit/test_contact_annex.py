"""A letter that lists whom to contact in an annex table (Nội dung | Người phụ trách | Điện
thoại | Thư điện tử), says in its body who signs the papers it asks for, and counts people by
level (issue 18, item 5): a person named in a question is found by name, the row of the level
asked answers "hỏi ai", "ai ký văn bản …" is answered by the sentence saying who signs that
document, not by the letter's own signature, and "bao nhiêu … cấp X" by the count of that
level, not by the contact row of that level. The letter is written here, in our own words, from
a Sở with no curated entries (Tuyên Quang), in the 2026–2027 style.
"""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from bot.i18n import translator
from bot.knowledge.asked import asked_kind
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import Letter
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx

VI = translator("vi").gettext

HEADER = (["UBND TỈNH TUYÊN QUANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 733/SGDĐT-TCCB",
           "V/v chọn bổ sung giáo viên hướng dẫn tập sự năm 2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Tuyên Quang, ngày 09 tháng 3 năm 2027"])
BODY = [
    "Kính gửi: Ủy ban nhân dân các xã, phường; các trường trung học phổ thông trực thuộc.",
    "1. Số lượng",
    "Số giáo viên hướng dẫn tập sự toàn tỉnh chọn bổ sung năm 2027 là 90 người, trong đó 40 "
    "người cấp tiểu học, 35 người cấp trung học cơ sở và 15 người cấp trung học phổ thông.",
    "2. Hồ sơ",
    "Hồ sơ gửi về Sở trước ngày 16/4/2027. Tờ trình đề nghị đối với trường tiểu học, trung học "
    "cơ sở do Chủ tịch Ủy ban nhân dân xã, phường ký; đối với trường trung học phổ thông do "
    "hiệu trưởng ký.",
    "Khi có vướng mắc, các đơn vị liên hệ đầu mối tại Phụ lục kèm theo.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, TCCB.",
    "KT. GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "Hà Minh Đức",
    "PHỤ LỤC",
    "ĐẦU MỐI LIÊN HỆ (Kèm theo Công văn số 733/SGDĐT-TCCB của Sở Giáo dục và Đào tạo)",
    [["Nội dung", "Người phụ trách", "Điện thoại", "Thư điện tử"],
     ["Hồ sơ cấp tiểu học", "Cô Ma Thị Lành - chuyên viên Phòng Giáo dục phổ thông",
      "0207.3811.402", "lanh.mt@tuyenquang.edu.vn"],
     ["Hồ sơ cấp trung học cơ sở", "Thầy Triệu Văn Khải - chuyên viên Phòng Giáo dục phổ thông",
      "0912 406 318", "khai.tv@tuyenquang.edu.vn"],
     ["Hồ sơ cấp trung học phổ thông", "Thầy Hoàng Đình Quý - phó trưởng Phòng Tổ chức cán bộ",
      "0207.3822.517", "quy.hd@tuyenquang.edu.vn"]],
]


@cache
def letter() -> Letter:
    return read_letter_file(letter_docx(BODY, HEADER), "cv733.docx").letter


def quoted(question: str, province: str | None = None) -> str:
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(letter(), id=1)])
    answer = engine.answer(question, province=province)
    assert answer.kind == "quoted" and answer.quote is not None, question
    return answer.quote.text


@pytest.mark.parametrize("province", [None, "tuyen_quang"])
def test_a_person_named_in_the_question_is_found_by_name(province: str | None) -> None:
    # "lo hồ sơ" says who he is in the asker's words; his name says whom they mean
    text = quoted("số điện thoại thầy Khải lo hồ sơ tập sự là bao nhiêu", province)
    assert "0912 406 318" in text and "0207.3811.402" not in text


def test_who_signs_a_document_the_letter_asks_for_is_read_from_its_body() -> None:
    text = quoted("trường tiểu học thì tờ trình đề nghị do ai ký")
    assert "Chủ tịch Ủy ban nhân dân xã" in text and "Hà Minh Đức" not in text
    assert "Hà Minh Đức" in quoted("công văn 733 do ai ký")  # the letter itself


def test_a_count_asked_for_one_level_is_the_count_of_that_level() -> None:
    text = quoted("cấp thcs chọn bổ sung bao nhiêu giáo viên hướng dẫn tập sự")
    assert "35 người cấp trung học cơ sở" in text and "0912 406 318" not in text


def test_a_date_and_whom_to_contact_asked_together_are_both_answered() -> None:
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(letter(), id=1)])
    question = ("Hồ sơ gửi về Sở hạn chót là ngày nào, và hồ sơ cấp trung học phổ thông thì "
                "tôi liên hệ ai?")
    shown = plain_text(render_answer(engine.answer(question, province="tuyen_quang"), VI))
    assert "16/4/2027" in shown and "Hoàng Đình Quý" in shown
    assert "Triệu Văn Khải" not in shown  # the level asked, not another's row


def test_whether_a_day_is_still_in_time_asks_the_deadline() -> None:
    assert asked_kind("đầu tháng 3 trường mới gửi được thì có còn kịp không") == "date"
    assert asked_kind("nộp ngày 5/3 thì có kịp ko") == "date"
    assert asked_kind("không kịp học mô đun 1 thì sao") is None  # not asking a day


def test_whom_to_call_is_the_contact_for_the_matter_though_another_passage_shares_more() -> None:
    body = [
        "Kính gửi: Các trường trung học cơ sở trên địa bàn tỉnh.",
        "1. Hình thức học",
        "Giáo viên học chuyên đề giáo dục địa phương lớp 6 trực tuyến trên hệ thống "
        "https://hoc.hungyen.edu.vn bằng tài khoản đã cấp; tài liệu học chuyên đề giáo dục địa "
        "phương lớp 6 được đăng tại mục «Giáo dục địa phương».",
        "2. Liên hệ",
        "Về chuyên môn: thầy Đào Văn Lực, điện thoại 0221.3862.110. Về tài khoản và lỗi đăng "
        "nhập hệ thống: cô Vũ Thị Hằng, điện thoại 0983 552 107.",
        "Nơi nhận:",
        "- Lưu: VT, GDPT.",
        "GIÁM ĐỐC",
    ]
    header = (["UBND TỈNH HƯNG YÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 418/SGDĐT-GDPT",
               "V/v bồi dưỡng chuyên đề giáo dục địa phương năm 2027"],
              ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
               "Hưng Yên, ngày 12 tháng 3 năm 2027"])
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(
        read_letter_file(letter_docx(body, header), "cv418.docx").letter, id=1)])
    answer = engine.answer("Quên mật khẩu tài khoản học giáo dục địa phương lớp 6 thì gọi cho ai?")
    assert answer.quote is not None and "0983 552 107" in answer.quote.text
