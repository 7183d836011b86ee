"""The roster template officers fill in: the columns the importer reads, with examples."""

from __future__ import annotations

import io

from bot.domain.roster import TEMPLATE_HEADERS

EXAMPLES = [
    ("Nguyễn Văn A", "15/08/1985", "0912 345 678", "Giáo viên", "THCS", "Trường THCS Hòa Bình",
     "Huyện Sông Lam", "x"),
    ("Trần Thị B", "", "0987654321", "Hiệu trưởng", "TH", "Trường TH Kim Đồng", "Huyện Sông Lam",
     ""),
    ("Lê Văn C", "", "0903111222", "Giáo viên", "THPT", "Trường THPT Lam Sơn", "", "có"),
    ("Phạm Thị D", "", "0903333444", "Chuyên viên Phòng", "", "", "Huyện Sông Lam", ""),
    ("Hoàng Văn E", "", "0903555666", "Chuyên viên Sở", "", "", "", ""),
]
NOTES = [
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
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Danh sách"
    sheet.append(list(TEMPLATE_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in EXAMPLES:
        sheet.append(list(row))
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
