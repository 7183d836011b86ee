"""The answering engine on a small fixture knowledge base of its own wording."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.knowledge.engine import WHY_NO_SUBJECT, Answer, AnsweringEngine
from bot.knowledge.entries import Entry, Source, load_entries
from bot.knowledge.render import plain_text, render_answer

FIXTURES = Path(__file__).with_name("fixtures") / "engine_kb"


@pytest.fixture(scope="module")
def engine() -> AnsweringEngine:
    return AnsweringEngine.from_entries(load_entries(FIXTURES))


def best(engine: AnsweringEngine, question: str, **kw: str | None) -> str | None:
    answer = engine.answer(question, **kw)
    assert answer.kind == "confident", (question, answer.kind, answer.confidence)
    assert answer.entry is not None
    return answer.entry.id


def test_question_with_diacritics_finds_its_entry(engine: AnsweringEngine) -> None:
    assert best(engine, "Cần kiểm tra lại thông tin cá nhân nào trên LMS?") == "thong_tin_ca_nhan"


def test_question_without_diacritics_finds_the_same_entry(engine: AnsweringEngine) -> None:
    assert best(engine, "can kiem tra lai thong tin ca nhan nao tren lms") == "thong_tin_ca_nhan"
    assert best(engine, "he thong hoc qua mang co mat tien khong") == "he_thong_mien_phi"


def test_abbreviations_are_understood(engine: AnsweringEngine) -> None:
    assert best(engine, "kh htđn của gv cốt cán ở bp ai duyệt") == "bp_duyet_ke_hoach_gv_cot_can"
    assert best(engine, "sđt tổng đài hỗ trợ lms") == "tong_dai_ho_tro"


def test_typos_are_repaired(engine: AnsweringEngine) -> None:
    assert best(engine, "ke hach ho tro dong nghep cua gv cot can o bp do ai duyet") == (
        "bp_duyet_ke_hoach_gv_cot_can"
    )
    assert best(engine, "tong dai ho troo lms so may vayyyy") == "tong_dai_ho_tro"


def test_tone_placement_and_nfd_do_not_matter(engine: AnsweringEngine) -> None:
    import unicodedata

    old_style = "Đến bao giờ thì hệ thống mô đun 1 bị khoá?"
    new_style = "Đến bao giờ thì hệ thống mô đun 1 bị khóa?"
    nfd = unicodedata.normalize("NFD", new_style)
    answers = {engine.answer(q).entry for q in (old_style, new_style, nfd)}
    assert len(answers) == 1
    assert best(engine, new_style) == "bp_hoc_mo_dun_1_han"


@pytest.mark.parametrize(
    "question",
    [
        "Lương giáo viên năm nay tăng bao nhiêu?",
        "thoi tiet ngay mai the nao",
        "điểm chuẩn thi vào lớp 10 năm nay",
        "alo",
        "asdkjh qwpoeiru zxmcnv",
        "",
        "   ",
        "🙂🙂🙂",
        "'; DROP TABLE entries; --",
        "What is the capital of France?",
    ],
)
def test_out_of_scope_gets_none(engine: AnsweringEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "none", (question, answer)
    assert answer.entry is None


def test_a_province_without_letters_is_never_answered_confidently(
    engine: AnsweringEngine,
) -> None:
    answer = engine.answer("Ở Đà Nẵng mô đun 1 phải học xong trước ngày nào?")
    assert answer.kind != "confident"


def test_named_level_prefers_entries_for_that_level() -> None:
    base = load_entries(FIXTURES)
    kg = next(e for e in base if e.id == "kg_duyet_ke_hoach_cot_can")
    thpt = dataclasses.replace(
        kg,
        id="kg_duyet_ke_hoach_cot_can_thpt",
        levels=frozenset({"THPT"}),
        title="Ai đánh giá kế hoạch hỗ trợ đồng nghiệp của cốt cán THPT (Kiên Giang)",
        answer="Ở Kiên Giang, <b>Sở GD&amp;ĐT</b> đánh giá kế hoạch của cốt cán cấp THPT.",
    )
    local = AnsweringEngine(
        [*base, dataclasses.replace(kg, levels=frozenset({"TH", "THCS"})), thpt]
    )
    q = "Kiên Giang: kế hoạch hỗ trợ đồng nghiệp của giáo viên cốt cán {} do ai duyệt?"
    assert best(local, q.format("trường THPT")) == "kg_duyet_ke_hoach_cot_can_thpt"
    assert best(local, q.format("cấp tiểu học")) == "kg_duyet_ke_hoach_cot_can"


def test_named_province_wins(engine: AnsweringEngine) -> None:
    q = "Kế hoạch hỗ trợ đồng nghiệp của giáo viên cốt cán do ai duyệt"
    assert best(engine, q + " ở Kiên Giang?") == "kg_duyet_ke_hoach_cot_can"
    assert best(engine, q + " ở Bình Phước?") == "bp_duyet_ke_hoach_gv_cot_can"
    assert best(engine, q + " (kg)") == "kg_duyet_ke_hoach_cot_can"


def test_asker_province_breaks_a_tie_but_a_named_one_overrides(engine: AnsweringEngine) -> None:
    q = "Kế hoạch hỗ trợ đồng nghiệp của giáo viên cốt cán do ai duyệt?"
    assert best(engine, q, province="kien_giang") == "kg_duyet_ke_hoach_cot_can"
    assert best(engine, q, province="binh_phuoc") == "bp_duyet_ke_hoach_gv_cot_can"
    assert best(engine, q + " ở Bình Phước", province="kien_giang") == (
        "bp_duyet_ke_hoach_gv_cot_can"
    )


def test_role_prefers_the_askers_entry_among_equals(engine: AnsweringEngine) -> None:
    q = "Muốn học mô đun 2, 3, 4 thì phải hoàn thành những việc gì trước?"
    assert best(engine, q, role="gv") == "gv_dieu_kien_mo_dun_234"
    assert best(engine, q, role="cbql") == "cbql_dieu_kien_mo_dun_234"
    assert best(engine, q, role="ht") == "cbql_dieu_kien_mo_dun_234"  # a principal is a manager
    assert best(engine, q, role="gv_cotcan") == "gv_dieu_kien_mo_dun_234"


def test_near_equal_entries_without_context_are_unsure(engine: AnsweringEngine) -> None:
    answer = engine.answer("mô đun 2 tên là gì")
    assert answer.kind == "unsure"
    ids = {c.id for c in answer.candidates}
    assert {"mo_dun_2_giao_vien", "mo_dun_2_quan_ly"} <= ids
    assert len(answer.candidates) <= 3
    text = plain_text(render_answer(answer, lambda s: s))
    assert "Tên mô đun 2 của giáo viên" in text


def test_confident_answer_lists_related_entries_first(engine: AnsweringEngine) -> None:
    answer = engine.answer("mo dun 1 phai hoc xong truoc ngay nao o binh phuoc")
    assert answer.kind == "confident"
    assert answer.candidates[0].id == "gv_dieu_kien_mo_dun_234"
    assert all(c.id != "bp_hoc_mo_dun_1_han" for c in answer.candidates)


def test_add_entry_is_used_at_once(engine: AnsweringEngine) -> None:
    local = AnsweringEngine.from_entries(engine.entries)
    q = "Trường có cần nộp phiếu khảo sát nhu cầu bồi dưỡng bằng giấy không?"
    assert local.answer(q).kind != "confident"
    local.add_entry(
        Entry(
            id="phieu_khao_sat_giay",
            topic="fixture",
            title="Nộp phiếu khảo sát bằng giấy",
            answer="Không cần nộp phiếu khảo sát bằng giấy; chỉ làm khảo sát trên hệ thống.",
            questions=(
                "Có phải nộp phiếu khảo sát nhu cầu bồi dưỡng bản giấy không?",
                "Phiếu khảo sát có nộp giấy không?",
            ),
            sources=(Source("004", "4082/KH-GDĐT-TC", "4/12/2020", "Sở GD&ĐT TP. Hồ Chí Minh"),),
        )
    )
    answer = local.answer(q)
    assert answer.kind == "confident" and answer.entry is not None
    assert answer.entry.id == "phieu_khao_sat_giay"
    # replacing an entry with the same id keeps one copy
    local.add_entry(dataclasses.replace(answer.entry, title="Phiếu khảo sát giấy"))
    assert sum(e.id == "phieu_khao_sat_giay" for e in local.entries) == 1


def test_empty_knowledge_base_answers_none() -> None:
    assert AnsweringEngine([]).answer("mô đun 1") == Answer("none", None, 0.0)


def test_rendered_answers(engine: AnsweringEngine) -> None:
    def gettext(s: str) -> str:
        return s

    confident = render_answer(engine.answer("tổng đài hỗ trợ lms là số nào"), gettext)
    assert "18008000 nhánh 2" in confident
    assert "<i>Source: Sở GD&amp;ĐT Bình Phước, …/SGDĐT-GDTrH, 2/2022</i>" in confident
    none = render_answer(
        engine.answer("thời tiết ngày mai"), gettext, contacts_html="<b>Phòng GD</b>"
    )
    assert "could not find" in none and "18008000" in none and "<b>Phòng GD</b>" in none


def test_a_whole_question_no_entry_covers_gets_no_list_of_guesses() -> None:
    """Issue 18: no "có lẽ" when nothing covers what is asked. A list of topics sharing the
    commoner words ("trường", "học sinh", "lớp") is a guess for a whole question, and the
    honest no offers the hand-off instead; a topic typed alone still gets its list."""
    engine = AnsweringEngine.from_entries(load_entries())
    asked = engine.explain("Trường có được thu tiền học thêm của học sinh lớp 9 không?")
    assert asked.answer.kind == "none" and asked.answer.candidates == ()
    assert asked.why == WHY_NO_SUBJECT
    topic = engine.answer("cốt cán")
    assert topic.kind == "unsure" and len(topic.candidates) > 1
