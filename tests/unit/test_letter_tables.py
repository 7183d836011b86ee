"""Tables in letters: each row is read as one sentence carrying its column headers, from a
.docx and from a text PDF alike, so a question about one row finds that row's values."""

from __future__ import annotations

import dataclasses

import pypdfium2
import pytest

from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letter_tables import ABOVE, LEFT, table_lines
from bot.knowledge.letters import read_letter
from bot.services.letters import read_letter_file
from tests.letter_files import (
    TABLE,
    TABLE_BODY,
    TABLE_HEADER,
    TABLE_ROWS,
    letter_docx,
    letter_pdf,
)


def _letter(name: str):  # type: ignore[no-untyped-def]
    write = letter_docx if name.endswith(".docx") else letter_pdf
    return read_letter_file(write(TABLE_BODY, TABLE_HEADER), name).letter


@pytest.mark.parametrize("name", ["bang.docx", "bang.pdf"])
def test_each_row_is_one_line_with_its_headers_merged_cells_included(name: str) -> None:
    letter = _letter(name)
    assert (letter.meta.number, letter.meta.date, letter.meta.issuer) == (
        "905/SGDĐT-GDTH", "02/3/2027", "Sở GD&ĐT An Giang")
    [passage] = [p for p in letter.passages if p.section == "1"]
    lines = passage.text.split("\n")
    # the row-number column is dropped, "Học trực tuyến" names both columns under it, and the
    # exam date merged over two rows belongs to both
    assert lines[-3:] == TABLE_ROWS
    assert not any(line in ("Kiểm tra cuối khóa", "Trung học cơ sở") for line in lines)


def test_a_quote_from_a_table_keeps_each_row_whole() -> None:
    index = LetterIndex([dataclasses.replace(_letter("bang.pdf"), id=1)])
    quote = index.search("trung học phổ thông kiểm tra cuối khóa ngày nào")
    assert quote is not None
    assert TABLE_ROWS[2] in quote.text.split("\n")


def test_a_row_of_one_merged_cell_heads_the_rows_under_it_and_a_headerless_table_stays_cells(
        ) -> None:
    grid = [["Môn", "Thời lượng", "Kiểm tra"],
            ["Cấp THCS", LEFT, LEFT],
            ["Khoa học tự nhiên", "240 tiết", "10/7/2027"],
            ["Lịch sử và Địa lí", "", ABOVE]]
    assert table_lines(grid) == [
        "Khoa học tự nhiên (Cấp THCS) — Thời lượng: 240 tiết; Kiểm tra: 10/7/2027.",
        "Lịch sử và Địa lí (Cấp THCS) — Kiểm tra: 10/7/2027.",
        ""]
    assert table_lines([["Địa chỉ", "số 2 Nguyễn Văn Trị"]]) == [
        "Địa chỉ", "số 2 Nguyễn Văn Trị", ""]


def test_the_letter_header_laid_out_in_a_table_stays_lines_its_number_and_date_read() -> None:
    header = [["UBND TỈNH AN GIANG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO",
               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
              ["Số: 77/SGDĐT-VP", "An Giang, ngày 09 tháng 4 năm 2027"]]
    text = "\n".join([*table_lines(header), "V/v lịch bồi dưỡng", "1. Lịch học",
                      "Giáo viên học theo lịch của trường và báo cáo đầy đủ kết quả."])
    meta = read_letter(text).meta
    assert (meta.number, meta.date, meta.issuer) == ("77/SGDĐT-VP", "09/4/2027",
                                                     "Sở GD&ĐT An Giang")


def test_a_date_wrapped_onto_its_own_line_stays_with_its_sentence() -> None:
    letter = read_letter(  # lines as a PDF wraps them at the page's width
        "2. Đánh giá theo chuẩn nghề nghiệp\n"
        "a) Giáo viên tự đánh giá theo chuẩn nghề nghiệp trên hệ thống TEMIS chậm nhất ngày\n"
        "20/5/2027.\n"
        "b) Người đứng đầu cơ sở giáo dục đánh giá giáo viên và gửi kết quả về Sở trước ngày\n"
        "10/6/2027.")
    assert [d.date.isoformat() for d in letter.task_dates] == ["2027-05-20", "2027-06-10"]
    [a] = [p for p in letter.passages if p.section == "2.a"]
    assert a.text.endswith("chậm nhất ngày 20/5/2027.")


def test_a_pdf_table_running_over_a_page_break_keeps_its_headers_on_the_next_page() -> None:
    rows = [[str(k), f"Cụm trường số {k}", f"{20 + k} tiết", "05/4/2027", "30/6/2027",
             f"{k % 28 + 1:02d}/7/2027"] for k in range(1, 41)]
    body = ["1. Lịch học theo cụm trường", "Các cụm học theo lịch sau:", [*TABLE[:2], *rows]]
    data = letter_pdf(body, TABLE_HEADER)
    assert len(pypdfium2.PdfDocument(data)) > 1
    lines = read_letter_file(data, "cum.pdf").body.split("\n")
    for k, row in enumerate(rows, start=1):
        assert (f"Cụm trường số {k} — Số tiết: {row[2]}; Học trực tuyến - Từ ngày: 05/4/2027; "
                f"Học trực tuyến - Đến ngày: 30/6/2027; Kiểm tra cuối khóa: {row[5]}.") in lines


def test_rows_after_a_page_break_merging_cells_across_columns_keep_the_pages_headers() -> None:
    # on the next page every row gives one date ("<": merged from the left) for all three
    # columns under "Học trực tuyến" and "Kiểm tra cuối khóa": the table found there is
    # narrower than its header, and its rows still read under the header of the page before
    rows = [[str(k), f"Cụm trường số {k}", f"{20 + k} tiết", "05/4/2027", "30/6/2027",
             "12/7/2027"] if k < 20 else
            [str(k), f"Cụm trường số {k}", f"{20 + k} tiết", "15/7/2027", "<", "<"]
            for k in range(1, 41)]
    body = ["1. Lịch học theo cụm trường", "Các cụm học theo lịch sau:", [*TABLE[:2], *rows]]
    data = letter_pdf(body, TABLE_HEADER)
    assert len(pypdfium2.PdfDocument(data)) > 1
    lines = read_letter_file(data, "cum.pdf").body.split("\n")
    for k in range(20, 41):
        assert (f"Cụm trường số {k} — Số tiết: {20 + k} tiết; Học trực tuyến - Từ ngày: "
                f"15/7/2027; Học trực tuyến - Đến ngày: 15/7/2027; Kiểm tra cuối khóa: "
                "15/7/2027.") in lines, k
