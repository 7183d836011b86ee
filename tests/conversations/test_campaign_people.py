"""Who a campaign's tasks are for, as its letter says (issue 20, item 8): Hà Nội's đại trà
modules are not for its certified cốt cán; Kiên Giang's plan leaves out cốt cán and gives the
direct class to grade-1 teachers and primary managers; /baocao offers the forms the running
campaign's letters ask for."""

from __future__ import annotations

from bot.campaigns import bundled_text
from bot.domain.campaign_file import error_lines, parse_campaign
from bot.offline import OfflineTelegram
from bot.services import campaigns as campaign_service
from bot.storage import Database
from tests.conversations.test_tasks_and_approvals import HOA, LAN, signed_in

BINH = "0912000002"  # a teacher of TH Kim Đồng, not cốt cán (HOA is cốt cán, LAN its principal)
PHUC = "0904000001"  # Phòng Hòa An


async def _load(db: Database, name: str) -> None:
    assert (await campaign_service.load(db, bundled_text(name), actor="test")).ok


async def test_hanoi_cot_can_get_no_mass_training_modules(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    await _load(demo_db, "ha_noi")
    [core] = await (await signed_in(telegram, HOA)).send("/tiendo")
    assert "Mô-đun" not in core.text, core.text
    [plain] = await (await signed_in(telegram, BINH)).send("/tiendo")
    assert "Mô-đun 1 (GV)" in plain.text and "Mô-đun 9 (GV)" in plain.text
    [principal] = await (await signed_in(telegram, LAN)).send("/tiendo")  # cốt cán principal
    assert "Mô-đun 1 (CBQL)" not in principal.text


async def test_kien_giang_direct_class_is_for_grade1_teachers_and_primary_managers(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    await _load(demo_db, "kien_giang")
    [teacher] = await (await signed_in(telegram, BINH)).send("/tiendo")
    assert "Mô đun 1" in teacher.text and "dạy lớp 1" in teacher.text
    assert "CBQL tiểu học" not in teacher.text
    [vice] = await (await signed_in(telegram, "0912345679")).send("/tiendo")  # TH, not cốt cán
    assert "CBQL tiểu học" in vice.text and "dạy lớp 1" not in vice.text
    [core] = await (await signed_in(telegram, HOA)).send("/tiendo")
    assert "Mô đun 1" not in core.text and "trực tiếp" not in core.text
    [thcs] = await (await signed_in(telegram, "0913000003")).send("/tiendo")
    assert "Mô đun 1" in thcs.text and "trực tiếp" not in thcs.text


def test_core_must_be_only_or_exclude() -> None:
    text = bundled_text("ha_noi").replace("core: exclude}", "core: maybe}", 1)
    campaign, errors = parse_campaign(text)
    assert campaign is None
    [line] = error_lines(errors, str)
    assert "“core” must be only" in line and "maybe" in line


async def test_baocao_offers_the_forms_of_the_running_campaign(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    phuc = telegram.user(int(PHUC), phone=PHUC)
    await phuc.share_contact()
    offer = (await phuc.send("/baocao"))[-1]
    assert any("Phụ lục 5" in b for b in offer.button_texts)  # Bình Phước's letter 000
    await _load(demo_db, "ha_noi")
    offer_hn = (await phuc.send("/baocao"))[-1]
    assert not any("Phụ lục" in b for b in offer_hn.button_texts), offer_hn.button_texts
    [listing] = await phuc.press("chưa hoàn thành", offer_hn)
    assert listing.kind == "document" and listing.filename == "danh_sach_chua_hoan_thanh.xlsx"
    [refused] = await phuc.press("Phụ lục 5", offer)  # a button from before the load
    assert refused.kind == "text" and "/baocao" in refused.text
