"""One frozen settings object, read once from the environment (and .env) at start-up."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.provinces import PROVINCES
from bot.domain.provinces import province as find_province

DEFAULT_DB_PATH = "data/troly.sqlite3"
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
_TOKEN = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message is one line naming it and the fix."""


@dataclass(frozen=True, slots=True)
class Settings:
    token: str | None = field(default=None, repr=False)
    api_base_url: str | None = None
    db_path: Path = Path(DEFAULT_DB_PATH)
    db_path_given: bool = False  # TROLY_DB_PATH is set (else bot.deployment decides)
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_TIMEZONE))
    admin_ids: frozenset[int] = frozenset()
    province: str | None = None
    routing: str = "default"
    webhook_secret: str | None = field(default=None, repr=False)
    so_name: str = "Sở GD&ĐT"
    backup_dir: Path | None = None  # None: "backups" beside the database
    backup_keep: int = 14
    log_format: str = "plain"
    erasure_key: str | None = field(default=None, repr=False)
    web_port: int | None = None  # None: no dashboard
    web_host: str = "127.0.0.1"
    web_url: str | None = None  # the public address in sign-in links (behind the proxy)

    @property
    def web_address(self) -> str:
        """Where sign-in links point: TROLY_WEB_URL, else the local listener."""
        if self.web_url:
            return self.web_url.rstrip("/")
        host = "127.0.0.1" if self.web_host in ("0.0.0.0", "::") else self.web_host
        return f"http://{host}:{self.web_port or 8080}"

    @property
    def backups(self) -> Path:
        """Where the nightly job and ``troly backup`` put their copies."""
        return self.backup_dir or self.db_path.parent / "backups"

    def __repr__(self) -> str:  # never let the token reach a log line
        return (f"Settings(db_path={str(self.db_path)!r}, timezone={self.timezone.key!r}, "
                f"admins={len(self.admin_ids)}, province={self.province!r}, "
                f"api_base_url={self.api_base_url!r}, token={'set' if self.token else 'unset'})")


def load_settings(env: Mapping[str, str] | None = None, *, dotenv: Path | None = None) -> Settings:
    """Read settings from ``env`` (default: the process environment plus ``.env``).

    Raises:
        ConfigError: with one line that names the setting and how to fix it.
    """
    if env is None:
        from dotenv import dotenv_values

        file_values = dotenv_values(dotenv or Path(".env")) if (dotenv or Path(".env")).exists() \
            else {}
        merged = {k: v for k, v in file_values.items() if v is not None}
        merged.update(os.environ)
        env = merged

    def get(name: str) -> str | None:
        value = env.get(name)
        return value.strip() if value and value.strip() else None

    token = get("TELEGRAM_BOT_TOKEN")
    if token is not None and not _TOKEN.match(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN is malformed: copy the token @BotFather gave "
                          "(digits, a colon, then about 35 characters), or leave it empty for "
                          "the offline console.")

    base_url = get("TELEGRAM_API_BASE_URL")
    if base_url is not None and not re.match(r"^https?://[^\s/]+", base_url):
        raise ConfigError("TELEGRAM_API_BASE_URL must be an http(s) URL such as "
                          "http://127.0.0.1:8081/bot, or be left empty for api.telegram.org.")

    tz_name = get("TROLY_TIMEZONE") or DEFAULT_TIMEZONE
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"TROLY_TIMEZONE={tz_name!r} is not a known time zone: use an IANA "
                          "name such as Asia/Ho_Chi_Minh.") from exc

    admins: set[int] = set()
    for part in re.split(r"[,\s]+", get("TROLY_ADMIN_IDS") or ""):
        if not part:
            continue
        if not re.fullmatch(r"\d{1,15}", part):
            raise ConfigError("TROLY_ADMIN_IDS must be Telegram user ids (numbers) separated by "
                              "commas, e.g. 123456789,987654321.")
        admins.add(int(part))

    province_text = get("TROLY_PROVINCE")
    found = find_province(province_text)
    if province_text is not None and found is None:
        raise ConfigError(f"TROLY_PROVINCE={province_text!r} is not a province: use one of "
                          f"{', '.join(p.code for p in PROVINCES)} (a former province's code "
                          "such as binh_phuoc also works), or leave it empty.")
    province = found.code if found else None

    routing = get("TROLY_APPROVAL_ROUTING") or "default"
    if routing not in ("default", "kien_giang"):
        raise ConfigError("TROLY_APPROVAL_ROUTING must be 'default' (letter 001) or "
                          "'kien_giang' (plan 003).")

    keep = get("TROLY_BACKUP_KEEP") or "14"
    if not re.fullmatch(r"\d{1,4}", keep) or int(keep) < 1:
        raise ConfigError("TROLY_BACKUP_KEEP must be how many nightly copies to keep, a whole "
                          "number from 1 (default 14).")
    backup_dir = get("TROLY_BACKUP_DIR")
    log_format = (get("TROLY_LOG_FORMAT") or "plain").lower()
    if log_format not in ("plain", "json"):
        raise ConfigError("TROLY_LOG_FORMAT must be 'plain' (the default) or 'json' (one JSON "
                          "object per line).")

    web_port = get("TROLY_WEB_PORT")
    if web_port is not None and (not web_port.isdigit() or not 0 < int(web_port) < 65536):
        raise ConfigError("TROLY_WEB_PORT must be the dashboard's local port, e.g. 8080 (or "
                          "empty for no dashboard).")
    web_url = get("TROLY_WEB_URL")
    if web_url is not None and not re.match(r"^https?://[^\s/]+", web_url):
        raise ConfigError("TROLY_WEB_URL must be the dashboard's public http(s) address, e.g. "
                          "https://troly.sgddt.example.vn (it is used in sign-in links).")

    return Settings(
        token=token,
        api_base_url=base_url,
        db_path=Path(get("TROLY_DB_PATH") or DEFAULT_DB_PATH),
        db_path_given=get("TROLY_DB_PATH") is not None,
        timezone=timezone,
        admin_ids=frozenset(admins),
        province=province,
        routing=routing,
        webhook_secret=get("TELEGRAM_WEBHOOK_SECRET"),
        so_name=get("TROLY_SO_NAME") or "Sở GD&ĐT",
        backup_dir=Path(backup_dir) if backup_dir else None,
        backup_keep=int(keep),
        log_format=log_format,
        erasure_key=get("TROLY_ERASURE_KEY"),
        web_port=int(web_port) if web_port else None,
        web_host=get("TROLY_WEB_HOST") or "127.0.0.1",
        web_url=web_url,
    )
