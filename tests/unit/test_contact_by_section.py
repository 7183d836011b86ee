"""A contact labelled with a section's heading ("Về phụ cấp đi lại, hóa đơn: bà …" beside "3.
Phụ cấp đi lại") is whom to ask of what that section sets out ("vé xe khách", "tiền xăng"),
though the asker's words are the section's, not the label's. The letter is written here, in
our own words."""

from __future__ import annotations

import dataclasses

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import read_letter

LETTER = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH TÂY NINH
Số: 615/SGDĐT-GDTrH
Tây Ninh, ngày 11 tháng 3 năm 2027
V/v sinh hoạt chuyên môn liên trường môn Lịch sử
1. Tổ chức
Các trường trung học cơ sở cùng xã sinh hoạt chuyên môn liên trường môn Lịch sử mỗi tháng một
buổi, từ tháng 4/2027 đến tháng 5/2027.
2. Hồ sơ
Trường chủ trì gửi kế hoạch về Sở trước ngày 25/3/2027.
3. Phụ cấp đi lại
Giáo viên đi xe khách hoặc xe máy đến trường chủ trì được Sở trả tiền vé xe khách hoặc tiền
xăng 50.000 đồng một buổi.
4. Liên hệ
Về kế hoạch, hồ sơ: ông Lê Văn Tâm, chuyên viên Phòng Giáo dục trung học, điện thoại
0276.3822.110, thư điện tử tamlv@tayninh.edu.vn. Về phụ cấp đi lại, hóa đơn: bà Phạm Thị Thu,
Phòng Kế hoạch - Tài chính, điện thoại 0276.3822.119, thư điện tử thupt@tayninh.edu.vn.
"""


def test_a_contact_labelled_with_a_sections_heading_is_for_what_it_sets_out() -> None:
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(read_letter(LETTER), id=1)])
    answer = engine.answer("hóa đơn tiền vé xe khách đi sinh hoạt liên trường thì lh ai, sđt j")
    assert answer.kind == "quoted" and answer.quote is not None
    assert "0276.3822.119" in answer.quote.text
    terms = engine.letters.matter_terms(answer.quote)
    assert "xang" in terms and "khach" in terms  # section 3's words, not the contact's
    assert "xang" not in engine.letters.matter_terms(dataclasses.replace(
        answer.quote, text="Về kế hoạch, hồ sơ: ông Lê Văn Tâm, điện thoại 0276.3822.110"))
