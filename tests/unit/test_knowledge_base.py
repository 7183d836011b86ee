"""The real knowledge base under bot/knowledge/data: schema, coverage and Telegram-safe answers."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.knowledge.entries import (
    DATA_DIR,
    MAX_ANSWER_CHARS,
    PROVINCES,
    Entry,
    load_entries,
    validate,
)
from bot.textnorm import fold

ENTRIES: list[Entry] = load_entries()
BY_ID = {e.id: e for e in ENTRIES}

# Which province each seed document belongs to (the letters are provincial).
DOC_PROVINCE = {
    "000": "binh_phuoc",
    "001": "binh_phuoc",
    "002": "ha_noi",
    "003": "kien_giang",
    "004": "tphcm",
}
# How an answer names each province.
PROVINCE_NAMES = {
    "binh_phuoc": ("Bình Phước",),
    "ha_noi": ("Hà Nội",),
    "kien_giang": ("Kiên Giang",),
    "tphcm": ("TP.HCM", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
}

_TAG = re.compile(r"<(/?)([a-zA-Z]+)(\s[^>]*)?>")
_ENTITY = re.compile(r"&(#?[A-Za-z0-9]+);")
_TELEGRAM_ENTITIES = {"lt", "gt", "amp", "quot"}


def html_problems(text: str) -> list[str]:
    """Why ``text`` would not parse as Telegram HTML: unbalanced or unknown tags, bad entities."""
    problems: list[str] = []
    stack: list[str] = []
    for m in _TAG.finditer(text):
        closing, name, attrs = m.group(1) == "/", m.group(2).lower(), m.group(3) or ""
        if name not in {"b", "i", "u", "s", "code", "a", "pre", "blockquote"}:
            problems.append(f"unknown tag <{name}>")
            continue
        if closing:
            if not stack or stack[-1] != name:
                problems.append(f"</{name}> does not close the innermost open tag {stack[-1:]}")
            else:
                stack.pop()
        else:
            if name == "a" and "href=" not in attrs:
                problems.append("<a> without href")
            stack.append(name)
    if stack:
        problems.append(f"unclosed tags {stack}")
    stray = _TAG.sub("", text)
    if "<" in stray or ">" in stray:
        problems.append("a bare < or > outside a tag")
    for m in _ENTITY.finditer(text):
        name = m.group(1)
        if not name.startswith("#") and name not in _TELEGRAM_ENTITIES:
            problems.append(f"unknown entity &{name};")
    return problems


def test_html_checker_catches_mistakes() -> None:
    assert html_problems("<b>đúng</b> và <i>nghiêng <b>đậm</b></i>") == []
    assert html_problems("Sở GD&ĐT") == []
    assert html_problems("<b>mở mà không đóng")
    assert html_problems("<b><i>sai thứ tự</b></i>")
    assert html_problems("<br>")
    assert html_problems("<a>không có href</a>")
    assert html_problems("a < b")


def test_knowledge_base_validates() -> None:
    assert validate(ENTRIES) == []


def test_size_is_substantial() -> None:
    assert len(ENTRIES) >= 100


def test_every_file_names_its_topic_and_button_title() -> None:
    files = sorted(DATA_DIR.glob("*.yaml"))
    assert files
    topics = []
    for path in files:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(doc.get("topic"), str) and doc["topic"], path.name
        assert isinstance(doc.get("topic_title"), str) and doc["topic_title"].strip(), path.name
        assert len(doc["topic_title"]) <= 40, path.name
        assert doc["entries"], f"{path.name} has no entries"
        topics.append(doc["topic"])
    assert len(topics) == len(set(topics)), "two files share a topic key"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_entry_shape(entry: Entry) -> None:
    assert len(entry.title) <= 60
    assert 5 <= len(entry.questions) <= 10
    assert entry.keywords, "keywords help the ranking"
    assert len(entry.related) <= 3
    assert entry.id not in entry.related
    assert len(entry.answer) <= MAX_ANSWER_CHARS
    assert len(set(map(fold, entry.questions))) == len(entry.questions), "repeated question"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_answer_is_valid_telegram_html(entry: Entry) -> None:
    assert html_problems(entry.answer) == []


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_sources_match_their_issuers(entry: Entry) -> None:
    for s in entry.sources:
        province = DOC_PROVINCE[s.document]
        assert any(name in s.issuer for name in PROVINCE_NAMES[province]), (s.document, s.issuer)
        assert s.number and s.date
    if entry.province is not None:
        assert any(DOC_PROVINCE[s.document] == entry.province for s in entry.sources), \
            "a provincial entry cites that province's letter"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.province], ids=lambda e: e.id)
def test_provincial_answers_name_the_province(entry: Entry) -> None:
    assert any(name in entry.answer for name in PROVINCE_NAMES[entry.province])


def test_no_question_is_shared_between_entries() -> None:
    counts = Counter(fold(q) for e in ENTRIES for q in e.questions)
    assert [q for q, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("document", sorted(DOC_PROVINCE))
def test_every_seed_document_is_cited(document: str) -> None:
    citing = [e for e in ENTRIES if any(s.document == document for s in e.sources)]
    assert len(citing) >= 10


@pytest.mark.parametrize("province", sorted(PROVINCES))
def test_every_province_has_entries(province: str) -> None:
    assert len([e for e in ENTRIES if e.province == province]) >= 10


def test_role_specific_entries_stay_apart() -> None:
    gv, cbql = BY_ID["bp_eligibility_gv_md234"], BY_ID["bp_eligibility_cbql_md234"]
    assert "gv" in gv.roles and not gv.roles & {"cbql", "ht"}
    assert {"cbql", "ht"} <= cbql.roles and "gv" not in cbql.roles
    assert "100%" in cbql.answer and "100%" not in gv.answer


def test_provinces_that_differ_get_one_entry_each() -> None:
    bp, kg = BY_ID["bp_approver_gv_cotcan"], BY_ID["kg_approver_cotcan_th_thcs"]
    assert bp.province == "binh_phuoc" and "Hiệu trưởng" in bp.answer
    assert kg.province == "kien_giang" and "Phòng GD&ĐT" in kg.answer


# Facts that must survive any edit: (entry id, strings its answer must contain).
KEY_FACTS = [
    ("bp_eligibility_gv_md234", ["mô đun 1", "TEMIS", "minh chứng", "30/3/2021"]),
    ("bp_md1_unfinished_reasons", ["chương trình tổng thể", "Khảo sát cuối khoá", "nhu cầu"]),
    ("bp_md1_consequences", ["chưa đạt chuẩn nghề nghiệp", "Không đủ điều kiện"]),
    ("bp_md1_lock_after_deadline", ["khoá hệ thống", "30/3/2021"]),
    ("bp_personal_info_fields", ["Họ và tên", "Ngày sinh", "Nơi sinh", "Phụ lục 4"]),
    ("bp_phuluc5_not_participated", ["Phụ lục 5", "nguyên nhân"]),
    ("bp_review_report_school_to_phong", ["29/3/2021", "Phòng GD&ĐT"]),
    ("bp_review_report_phong_to_so", ["17 giờ", "30/3/2021", "tieuhoc@binhphuoc.edu.vn"]),
    ("bp_md1_unfinished_figures", ["164", "120", "205", "11", "19", "10"]),
    ("bp_cotcan_modules_2021", ["2, 3, 4, 5, 9", "2, 3, 4, 5"]),
    ("bp_cotcan_report_md4_md5", ["dấu +", "Chưa triển khai", "ngày đang báo cáo"]),
    ("bp_cotcan_report_md2_missing", ["dấu +", "số lượng học viên"]),
    ("bp_cotcan_no_resubmit", ["Không cần nộp lại"]),
    ("bp_cotcan_superior_not_approved", ["thông báo ngay"]),
    ("bp_cotcan_certificate", ["chứng chỉ", "phê duyệt"]),
    ("bp_approver_cbql_cotcan_th_thcs", ["Phòng GD&ĐT", "Lãnh đạo Phòng"]),
    ("bp_approver_cbql_cotcan_thpt", ["Sở GD&ĐT", "Nguyễn Văn Thành"]),
    ("bp_approval_two_ways", ["đóng dấu", "scan", "tài khoản"]),
    ("bp_deadline_28_2_2022", ["28/2/2022"]),
    ("hotline_18008000", ["18008000 nhánh 2", "miễn phí"]),
    ("hn_deadline_31_12_2022", ["31/12/2022"]),
    ("hn_completion_criteria", ["tự động", "cốt cán", "cơ sở thực hiện nhiệm vụ bồi dưỡng"]),
    ("hn_target", ["ngoài công lập", "Trừ"]),
    ("hn_funding", ["16/2021/NQ-HĐND"]),
    ("module_2_titles", ["phương pháp dạy học", "Quản trị nhân sự"]),
    ("kg_figures_gv", ["15331", "8324", "5003", "1978", "26"]),
    ("kg_figures_cbql", ["1097", "617", "314", "162"]),
    ("kg_deadline_lop1_july_2020", ["tháng 7 năm 2020"]),
    ("kg_funding", ["ngân sách địa phương", "UBND"]),
    ("kg_direct_classes", ["Đại học Sư phạm Thành phố Hồ Chí Minh"]),
    ("hcm_deadline_14_12_2020", ["14/12/2020"]),
    ("hcm_deadline_22_12_2020", ["22/12/2020", "LMS", "TEMIS"]),
    ("hcm_contacts", ["Viettel", "Phòng Tổ chức cán bộ"]),
    ("hcm_salary_during_bdtx", ["nguyên lương"]),
    ("hcm_private_funding", ["tự bảo đảm kinh phí"]),
    ("lms_viettel_free", ["Viettel", "miễn phí"]),
    ("tt19_2019", ["19/2019/TT-BGDĐT"]),
    ("cv5016_2020", ["bồi dưỡng thường xuyên", "trực tuyến"]),
]


@pytest.mark.parametrize(("entry_id", "needles"), KEY_FACTS, ids=[k for k, _ in KEY_FACTS])
def test_key_facts_stay_in_their_answers(entry_id: str, needles: list[str]) -> None:
    answer = BY_ID[entry_id].answer.lower()
    for needle in needles:
        assert needle.lower() in answer, f"{entry_id} lost {needle!r}"


# Numbers stated in answers must come from the source letters. Skipped where the seeds are absent.
# shared/ lies beside the checkout (as for CI); TROLY_SEEDS_DIR overrides it.
SEEDS_DIR = Path(os.environ.get("TROLY_SEEDS_DIR",
                                Path(__file__).resolve().parents[3] / "shared" / "seeds"))
DERIVED_NUMBERS = {"40", "489"}  # sums of the per-level counts in letter 000, said to be sums


def _seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt")))


def _date_key(day: str, month: str, year: str) -> tuple[int, int, int]:
    return int(day), int(month), int(year)


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="source letters not available")
def test_dates_numbers_and_addresses_come_from_the_letters() -> None:
    seeds = _seed_text()
    seed_dates = {_date_key(*m) for m in re.findall(r"(\d{1,2})/(\d{1,2})/(\d{4})", seeds)}
    seed_dates |= {
        _date_key(*m)
        for m in re.findall(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", seeds)
    }
    seed_digits = set(re.findall(r"\d+", seeds))
    missing = []
    for e in ENTRIES:
        text = re.sub(r"<[^>]+>", "", e.answer)
        # "17h00" restates "17 giờ": keep the hour, drop the minutes.
        text = re.sub(r"\b(\d{1,2})h00\b", r"\1 giờ", text)
        for m in re.findall(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
            if _date_key(*m) not in seed_dates:
                missing.append((e.id, "/".join(m)))
        for email in re.findall(r"[\w.]+@[\w.]+\w", text):
            if email not in seeds:
                missing.append((e.id, email))
        for phone in re.findall(r"\d[\d.]{8,}\d", text):
            if phone not in seeds:
                missing.append((e.id, phone))
        for number in re.findall(r"\d{2,}", text):
            if number not in seed_digits and number not in DERIVED_NUMBERS:
                missing.append((e.id, number))
    assert missing == []
