"""A Sở loads its 2027 letter and teachers ask (issue 18): the letter answers, cited, before the
entries written from the 2021 letters; /congvan and `troly letters list` count what each letter
answered; `troly ask --why` shows the ranking behind an answer."""

from __future__ import annotations

from bot.offline import OfflineTelegram
from bot.storage import Database
from tests.conftest import ADMIN_ID
from tests.conversations.test_campaigns import cli_env, troly
from tests.letter_files import letter_docx
from tests.unit.test_newest_word import TEMIS_BODY, TEMIS_LEFT, TEMIS_RIGHT

__all__ = ["cli_env"]  # the fixture, used by name
TEMIS = "hạn tự đánh giá chuẩn nghề nghiệp trên TEMIS năm học 2026-2027 là ngày nào ạ"


async def test_a_loaded_letter_answers_is_counted_and_explained(
        telegram: OfflineTelegram, demo_db: Database, cli_env: None) -> None:
    admin = telegram.user(ADMIN_ID)
    [preview] = await admin.send_document("cv812.docx",
                                          letter_docx(TEMIS_BODY, (TEMIS_LEFT, TEMIS_RIGHT)))
    await admin.press("✅ Lưu", preview)
    guest = telegram.user(806, "Khách")
    [temis] = await guest.send(TEMIS)
    assert "15/5/2027" in temis.text and "812/SGDĐT-TCCB" in temis.text
    assert "30/03" not in temis.text and "2021" not in temis.text
    [khoa] = await guest.send("thay Khoa so dien thoai bao nhieu a")
    assert "0271.3999.888" in khoa.text and "0251.3822.456" not in khoa.text
    [history] = await guest.send("lịch sử địa lí học trực tuyến đến ngày nào thì hết hạn")
    assert "20/6/2027" in history.text and "30/03" not in history.text

    [listing] = await admin.send("/congvan")
    assert "812/SGDĐT-TCCB" in listing.text
    assert "đã trả lời 3 câu hỏi trong 7 ngày qua" in listing.text
    code, out, _err = await troly("letters", "list")
    assert code == 0 and "đã trả lời 3 câu hỏi trong 7 ngày qua" in out

    code, out, _err = await troly("ask", "--why", TEMIS)
    assert code == 0 and "15/5/2027" in out
    why = out.split("Các ứng viên")[1]
    ranked = [line for line in why.splitlines() if line[:2] in {f"{n}." for n in range(1, 6)}]
    assert 2 <= len(ranked) <= 5
    assert any("812/SGDĐT-TCCB ngày 10/01/2027" in line for line in ranked)
    assert any("mục hỏi đáp" in line and "2021" in line for line in ranked)
    assert "Vì sao: công văn (10/1/2027) mới hơn văn bản nguồn của mục hỏi đáp" in why
    code, out, _err = await troly("letters", "list")
    assert "đã trả lời 3 câu hỏi" in out  # troly ask does not count as a teacher's question
