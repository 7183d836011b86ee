"""``troly campaign check|load|show``: the year's tasks and deadlines, from a file."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.config import Settings
from bot.domain.deadlines import AUDIENCE_NAMES, Audience
from bot.i18n import N_, Translator


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


KIND_NAMES = {"pass": N_("passed or not"), "done": N_("done or not"),
              "criteria": N_("by criteria"), "review": N_("plan or report, approved")}
ROUTING_NAMES = {"default": N_("by school level (principal, Phòng or Sở)"),
                 "kien_giang": N_("the Phòng approves TH and THCS")}


def _cmd_campaign(settings: Settings, args: argparse.Namespace) -> int:
    from bot.domain.campaign_file import error_lines
    from bot.i18n import translator
    from bot.services import campaigns as service
    from bot.storage import Database

    _ = translator(args.lang)
    text = read_campaign_text(args.file) if args.action in ("check", "load") else ""

    async def run() -> int:
        db = await Database.open(settings.db_path)
        try:
            if args.action == "show":
                print(describe(await service.current(db), _))
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
            print(describe_preview(result.preview, _))
            print(_("Loaded: this is now the running campaign.") if args.action == "load"
                  else _("The file is correct; nothing was loaded (troly campaign load does "
                         "it)."))
            return 0
        finally:
            await db.close()

    return asyncio.run(run())


def describe(campaign: object, _: Translator) -> str:
    """The campaign as an officer checks it: tasks, who, kind, deadlines, each with its source."""
    from bot.domain.campaign import Campaign

    assert isinstance(campaign, Campaign)
    lines = [_("{name} [{key}], {province}; approvals: {routing}").format(
        name=campaign.name, key=campaign.key, province=campaign.province,
        routing=_(ROUTING_NAMES[campaign.routing]) if campaign.routing in ROUTING_NAMES
        else campaign.routing)]
    for t in campaign.tasks:
        who = ",".join(sorted(r.value for r in t.roles))
        levels = ",".join(sorted(lv.value for lv in t.levels)) or _("all levels")
        core = "; " + _("cốt cán only") if t.core_only else ""
        crit = (" (" + ", ".join(c.label_en if _.language == "en" and c.label_en else c.label
                                 for c in t.criteria) + ")"
                if t.criteria else "")
        lines.append(f"  {t.code:<12} {t.header:<20} {_(KIND_NAMES[t.kind.value]):<8} "
                     f"{who}; {levels}{core}: {t.name(_.language)}{crit} — "
                     f"{campaign.cite(t.source, _)}")
    if campaign.prerequisites:
        gate = campaign.prerequisites
        lines.append("  " + _("before {gate}: {tasks}").format(
            gate=gate.gate_name(_.language),
            tasks=", ".join(r.task or r.key for r in gate.requires)))
    for d in campaign.deadlines:
        date = (f"{d.day:02d}/{d.month:02d}/{d.year}" if d.year else
                _("{day:02d}/{month:02d} every year").format(day=d.day, month=d.month))
        lines.append("  " + _("deadline {date}: {title} ({tasks}; reminds: {who}; days before: "
                              "{offsets})").format(
            date=date, title=d.title, tasks=", ".join(d.tasks),
            who=_(AUDIENCE_NAMES[Audience(d.reminds.value)]),
            offsets=",".join(map(str, d.offsets))))
    return "\n".join(lines)


def describe_preview(preview: object, _: Translator) -> str:
    from bot.services.campaigns import Preview

    assert isinstance(preview, Preview)

    def codes(tasks: tuple) -> str:  # type: ignore[type-arg]
        return ", ".join(t.code for t in tasks) or "-"
    return _("{name}: {n} tasks; added {added}; changed {changed}; retired (archived) "
             "{retired}; people whose tasks change: {people}").format(
        name=preview.new.name, n=len(preview.new.tasks), added=codes(preview.added),
        changed=codes(preview.changed), retired=codes(preview.retired),
        people=preview.people_affected)
