"""The roster template officers fill in: the columns the importer reads, with examples."""

from __future__ import annotations

import io

from bot.domain.roster import TEMPLATE_HEADERS
from bot.domain.sample_rows import sample_phone

SAMPLE = "(dòng mẫu — xoá)"
EXAMPLES = [  # sample rows: their phone numbers (0000 000 0xx) can never be real
    (f"Nguyễn Văn A {SAMPLE}", "15/08/1985", sample_phone(1), "Giáo viên", "THCS",
     "Trường THCS Hòa Bình", "Huyện Sông Lam", "x"),
    (f"Trần Thị B {SAMPLE}", "", sample_phone(2), "Hiệu trưởng", "TH", "Trường TH Kim Đồng",
     "Huyện Sông Lam", ""),
    (f"Lê Văn C {SAMPLE}", "", sample_phone(3), "Giáo viên", "THPT", "Trường THPT Lam Sơn", "",
     "có"),
    (f"Phạm Thị D {SAMPLE}", "", sample_phone(4), "Chuyên viên Phòng", "", "", "Huyện Sông Lam",
     ""),
    (f"Hoàng Văn E {SAMPLE}", "", sample_phone(5), "Chuyên viên Sở", "", "", "", ""),
]
NOTES = [
    "Các dòng 2–6 của trang Danh sách là dòng MẪU (số điện thoại 0000 000 0xx không có thật): "
    "xoá chúng hoặc ghi người thật đè lên. Tệp còn dòng mẫu sẽ không được nhập.",
    "Mỗi dòng một người. Số điện thoại là khoá: nhập lại cùng số sẽ cập nhật người đó.",
    "Chức vụ: Giáo viên, Hiệu trưởng, Phó hiệu trưởng, Chuyên viên Phòng, Chuyên viên Sở.",
    "Cấp học: TH, THCS, THPT, GDTX.",
    "Quận/Huyện (hoặc Xã/Phường): đơn vị quản lý trường TH, THCS; để trống với THPT, GDTX, "
    "và cán bộ Sở.",
    "Cốt cán: x, có hoặc 1; để trống nếu không phải cốt cán.",
    "Có dòng lỗi thì cả tệp không được nhập; bot báo số dòng và lý do.",
]


def roster_template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Danh sách"
    sheet.append(list(TEMPLATE_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sample_look = PatternFill("solid", fgColor="EEEEEE")
    for row in EXAMPLES:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(italic=True, color="808080")
            cell.fill = sample_look
    for column, width in zip("ABCDEFGH", (26, 12, 16, 20, 9, 28, 20, 9), strict=True):
        sheet.column_dimensions[column].width = width
    for cell in sheet["C"]:
        cell.number_format = "@"  # keep the leading 0 of phone numbers
    notes = workbook.create_sheet("Hướng dẫn")
    for line in NOTES:
        notes.append([line])
    notes.column_dimensions["A"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
