"""``troly campaign check|load|show``: the year's tasks and deadlines, from a file."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.config import Settings
from bot.i18n import N_


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    camp = sub.add_parser("campaign", help=N_("the year's tasks and deadlines: check, load or show "
                                           "a campaign file (docs/campaign.md)"))
    camp_sub = camp.add_subparsers(dest="action", required=True)
    check = camp_sub.add_parser("check", help=N_("list the file's errors by line; change nothing"))
    check.add_argument("file", help=N_("a campaign file (.yaml), or a province with a shipped "
                                    "one (dong_nai or binh_phuoc, ha_noi, an_giang or "
                                    "kien_giang, tphcm)"))
    load = camp_sub.add_parser("load", help=N_("make the file the running campaign (all or "
                                               "nothing)"))
    load.add_argument("file")
    camp_sub.add_parser("show", help=N_("the running campaign: tasks, gate and deadlines"))


def read_campaign_text(name: str) -> str:
    """A path, or a province whose campaign is shipped with the bot (old or new name)."""
    from bot.campaigns import bundled_text, shipped_file
    from bot.text_files import read_text_file

    path = Path(name)
    shipped = shipped_file(name)
    if not path.exists() and shipped:
        return bundled_text(shipped)
    return read_text_file(path)


def _cmd_campaign(settings: Settings, args: argparse.Namespace) -> int:
    from bot.domain.campaign_file import error_lines
    from bot.i18n import translator
    from bot.services import campaigns as service
    from bot.storage import Database

    _ = translator("vi")
    text = read_campaign_text(args.file) if args.action in ("check", "load") else ""

    async def run() -> int:
        db = await Database.open(settings.db_path)
        try:
            if args.action == "show":
                print(describe(await service.current(db)))
                return 0
            if args.action == "check":
                result = await service.check(db, text)
            else:
                result = await service.load(db, text, actor="cli")
            if not result.ok:
                for line in error_lines(list(result.errors), _):
                    print(f"{args.file}: {line}", file=sys.stderr)
                print(_("The campaign was not loaded; nothing was changed."), file=sys.stderr)
                return 2
            assert result.preview is not None
            print(describe_preview(result.preview))
            print("loaded" if args.action == "load" else "ok (not loaded: use campaign load)")
            return 0
        finally:
            await db.close()

    return asyncio.run(run())


def describe(campaign: object) -> str:
    """The campaign as an officer checks it: tasks, who, kind, deadlines, each with its source."""
    from bot.domain.campaign import Campaign

    assert isinstance(campaign, Campaign)
    lines = [f"{campaign.name} [{campaign.key}], {campaign.province}; "
             f"approvals: {campaign.routing}"]
    for t in campaign.tasks:
        who = ",".join(sorted(r.value for r in t.roles))
        levels = ",".join(sorted(lv.value for lv in t.levels)) or "all levels"
        core = "; cốt cán only" if t.core_only else ""
        crit = f" ({', '.join(c.label for c in t.criteria)})" if t.criteria else ""
        lines.append(f"  {t.code:<12} {t.header:<20} {t.kind.value:<8} {who}; {levels}{core}: "
                     f"{t.label}{crit} — {campaign.cite(t.source)}")
    if campaign.prerequisites:
        gate = campaign.prerequisites
        lines.append(f"  gate: {gate.gate}: " + ", ".join(
            r.task or r.key for r in gate.requires))
    for d in campaign.deadlines:
        date = f"{d.day:02d}/{d.month:02d}" + (f"/{d.year}" if d.year else " every year")
        lines.append(f"  deadline {date}: {d.title} ({', '.join(d.tasks)}; reminds {d.reminds}; "
                     f"days before {','.join(map(str, d.offsets))})")
    return "\n".join(lines)


def describe_preview(preview: object) -> str:
    from bot.services.campaigns import Preview

    assert isinstance(preview, Preview)
    def codes(tasks: tuple) -> str:  # type: ignore[type-arg]
        return ", ".join(t.code for t in tasks) or "-"
    return (f"{preview.new.name}: {len(preview.new.tasks)} tasks; added {codes(preview.added)};"
            f" changed {codes(preview.changed)}; retired (archived) {codes(preview.retired)}; "
            f"people whose tasks change: {preview.people_affected}")
