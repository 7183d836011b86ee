"""Builds the held-out letters (``*.yaml`` beside this file) into the files a Sở would send:
a .docx (python-docx, tables with merged cells) or a text PDF (fpdf2, DejaVu font from
matplotlib, tables with ruled borders). Held out: see README.md.

Usage: python eval/heldout/build.py OUT_DIR   (prints the paths it wrote)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ABOVE, LEFT = "^", "<"  # a cell merged with the one above / to its left


def _docx(spec: dict[str, Any], out: Path) -> None:
    from docx import Document

    document = Document()
    header = document.add_table(rows=1, cols=2)
    for cell, lines in zip(header.rows[0].cells, (spec["header_left"], spec["header_right"]),
                           strict=True):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for block in spec["body"]:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        rows = block["table"]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value not in (ABOVE, LEFT):
                    table.cell(r, c).text = str(value)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value == ABOVE:
                    table.cell(r - 1, c).merge(table.cell(r, c))
                elif value == LEFT:
                    table.cell(r, c - 1).merge(table.cell(r, c))
    document.save(out)


def _pdf(spec: dict[str, Any], out: Path) -> None:
    import matplotlib
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(Path(matplotlib.get_data_path()) / "fonts" / "ttf"
                                     / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", size=11)
    for left, right in zip(spec["header_left"], spec["header_right"], strict=True):
        pdf.cell(95, 6, left)
        pdf.cell(0, 6, right, new_x="LMARGIN", new_y="NEXT")
    for block in spec["body"]:
        if isinstance(block, str):
            pdf.multi_cell(0, 6, block, new_x="LMARGIN", new_y="NEXT")
            continue
        pdf.set_font("DejaVu", size=10)
        with pdf.table(first_row_as_headings=False) as table:
            for row in block["table"]:
                table.row([str(v) for v in row])
        pdf.set_font("DejaVu", size=11)
        pdf.ln(2)
    pdf.output(str(out))


def build(out_dir: Path) -> list[Path]:
    """Every held-out letter into ``out_dir``, named as its spec says."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(HERE.glob("*.yaml")):
        spec = yaml.safe_load(source.read_text(encoding="utf-8"))
        if "file" not in spec:  # a question set
            continue
        target = out_dir / spec["file"]
        (_docx if target.suffix == ".docx" else _pdf)(spec, target)
        written.append(target)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for path in build(Path(sys.argv[1])):
        print(path)
