"""The campaign files shipped with the bot, one per province of the letters (docs/campaign.md).

A file is found by its province's name or code, old or new: Bình Phước's file is Đồng Nai's
since the 2025 merger, Kiên Giang's is An Giang's.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from bot.domain.campaign import Campaign
from bot.domain.campaign_file import error_lines, parse_campaign
from bot.domain.provinces import region

DEFAULT_CAMPAIGN = "binh_phuoc"
# The province today → its shipped file (named after the province of the letters).
SHIPPED = {"dong_nai": "binh_phuoc", "ha_noi": "ha_noi", "an_giang": "kien_giang",
           "tphcm": "tphcm"}
PROVINCE_FILES = {name: name for name in SHIPPED.values()}


def shipped_file(name_or_code: str | None) -> str | None:
    """The shipped file of a province named old or new ("Bình Phước", "dong_nai"), or None."""
    return SHIPPED.get(region(name_or_code) or "") if name_or_code else None


def bundled_text(name: str) -> str:
    return resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")


def empty_campaign_text(province_code: str, province_name: str) -> str:
    """The campaign of a province with no shipped file: no tasks until the Sở loads its own."""
    return (f"campaign: {province_code[:20]}_empty\n"
            f'name: "{province_name}: chưa nạp đợt bồi dưỡng"\n'
            f"province: {province_code}\n"
            "letters: []\n"
            "tasks: []\n")


@cache
def bundled(name: str = DEFAULT_CAMPAIGN) -> Campaign:
    """A shipped campaign; a broken shipped file is a bug, so it raises."""
    campaign, errors = parse_campaign(bundled_text(name))
    if campaign is None:
        raise ValueError(f"{name}.yaml: " + "; ".join(error_lines(errors, str)))
    return campaign
