"""``troly eval --province``: a question set is scored as the deployment of one province would
answer it, so a letter's own questions are measured without another province's entries."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bot.app import default_engine
from bot.knowledge.evaluation import run_eval
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx
from tests.operations.conftest import CliRun

HEADER = (["UBND TỈNH LÂM ĐỒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 604/SGDĐT-GDTrH",
           "V/v kết quả bồi dưỡng năm học 2026-2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Lâm Đồng, ngày 03 tháng 02 năm 2027"])
BODY = ["Kính gửi: Các trường trung học trên địa bàn tỉnh.",
        "1. Kết quả bồi dưỡng",
        "Giáo viên không hoàn thành mô đun được bồi dưỡng lại trong đợt hè 2027, không bị "
        "xếp loại chưa đạt chuẩn.",
        "Nơi nhận:", "- Lưu: VT."]
QUESTIONS = ('- {id: p1, q: "không hoàn thành mô đun 1 thì bị xếp loại gì", role: gv, '
             'kind: eligibility, must: [["dot he 2027"]], style: dau}\n')


def test_a_question_set_is_scored_as_the_deployment_of_the_province_given(
        tmp_path: Path) -> None:
    questions = tmp_path / "qa.yaml"
    questions.write_text(QUESTIONS, encoding="utf-8")
    engine = default_engine()
    letter = read_letter_file(letter_docx(BODY, HEADER), "cv604.docx").letter
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    [own] = run_eval(questions, engine, province="lam_dong").results
    assert own.passed and "604/sgddt-gdtrh" in own.text, own.text
    # as a Bình Phước deployment its own (older) curated rule answers, not Lâm Đồng's letter
    [other] = run_eval(questions, engine, province="dong_nai").results
    assert not other.passed and "chua dat chuan" in other.text, other.text


def test_eval_refuses_a_province_that_does_not_exist(cli: CliRun, tmp_path: Path) -> None:
    questions = tmp_path / "qa.yaml"
    questions.write_text(QUESTIONS, encoding="utf-8")
    code, _out, err = cli("eval", str(questions), "--province", "Hà Tây cũ")
    assert code == 2 and err == ("troly: Hà Tây cũ không phải là tỉnh/thành: hãy ghi tên hoặc "
                                 "mã tỉnh, cũ hoặc mới (ví dụ lam_dong, Bình Phước)\n")
