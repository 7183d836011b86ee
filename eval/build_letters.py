"""Builds letter specs (``*.yaml`` in a folder such as eval/heldout or eval/dev_letters) into
the files a Sở would send: a .docx or a text PDF with ruled tables and merged cells, by the same
writers the tests use (``tests/letter_files.py``), so a letter is kept as reviewable text and
never as a binary.

Usage: python eval/build_letters.py SPEC_DIR OUT_DIR   (prints the paths it wrote)
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.letter_files import letter_docx, letter_pdf  # noqa: E402


def build(spec_dir: Path, out_dir: Path) -> list[Path]:
    """Every letter spec of ``spec_dir`` into ``out_dir``, named as its spec says."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(spec_dir.glob("*.yaml")):
        spec = yaml.safe_load(source.read_text(encoding="utf-8"))
        if "file" not in spec:  # a question set
            continue
        target = out_dir / spec["file"]
        body = [b if isinstance(b, str) else [[str(v) for v in row] for row in b["table"]]
                for b in spec["body"]]
        write = letter_docx if target.suffix == ".docx" else letter_pdf
        target.write_bytes(write(body, (spec["header_left"], spec["header_right"])))
        written.append(target)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    for path in build(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
