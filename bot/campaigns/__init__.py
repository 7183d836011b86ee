"""The campaign files shipped with the bot, one per province of the letters (docs/campaign.md)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from bot.domain.campaign import Campaign
from bot.domain.campaign_file import error_lines, parse_campaign

DEFAULT_CAMPAIGN = "binh_phuoc"
PROVINCE_FILES = {"binh_phuoc": "binh_phuoc", "ha_noi": "ha_noi", "kien_giang": "kien_giang",
                  "tphcm": "tphcm"}


def bundled_text(name: str) -> str:
    return resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")


@cache
def bundled(name: str = DEFAULT_CAMPAIGN) -> Campaign:
    """A shipped campaign; a broken shipped file is a bug, so it raises."""
    campaign, errors = parse_campaign(bundled_text(name))
    if campaign is None:
        raise ValueError(f"{name}.yaml: " + "; ".join(error_lines(errors, str)))
    return campaign
