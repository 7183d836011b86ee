"""/baocao: whose progress the asker may see, the report itself, and audited exports."""

from __future__ import annotations

import asyncio

from bot.domain.errors import PermissionDenied
from bot.domain.people import Profile, Role
from bot.i18n import N_
from bot.reports.render import phu_luc_4_xlsx, phu_luc_5_xlsx
from bot.reports.scope import Scope
from bot.reports.stats import Report, build_report
from bot.services.campaigns import current
from bot.storage import Database
from bot.storage.database import audit
from bot.storage.reports import open_corrections, staff_in_scope


def scope_for(profile: Profile | None, *, is_admin: bool, so_name: str) -> Scope:
    """Sở staff and admins see the province, Phòng staff their district, a principal the school.

    Raises:
        PermissionDenied: anyone else.
    """
    if is_admin or (profile is not None and profile.person.role is Role.SO_STAFF):
        return Scope("province", profile.so.id if profile and profile.so else None, so_name)
    if profile is not None and profile.person.role is Role.PHONG_STAFF:
        return Scope("district", profile.unit.id, profile.unit.name)
    if profile is not None and profile.person.role is Role.PRINCIPAL and profile.school:
        return Scope("school", profile.school.id, profile.school.name)
    raise PermissionDenied(N_("Progress reports are for the Sở, the Phòng and principals."))


async def report_for(db: Database, scope: Scope) -> Report:
    """The scope's figures under the running campaign."""
    campaign = await current(db)
    staff = await staff_in_scope(db.reader, scope, campaign)
    return await asyncio.to_thread(build_report, scope, staff, campaign)  # a province: a second


async def export(db: Database, scope: Scope, which: str, *, actor: str) -> tuple[str, bytes]:
    """(file name, .xlsx) of Phụ lục 5 or 4 for the scope; every export leaves an audit row."""
    if which == "5":
        report = await report_for(db, scope)
        content = await asyncio.to_thread(phu_luc_5_xlsx, report)
        rows = report.total.people - report.total.finished
        name = "phu_luc_5_chua_hoan_thanh.xlsx"
    else:
        corrections = await open_corrections(db.reader, scope)
        content = await asyncio.to_thread(phu_luc_4_xlsx, corrections, scope)
        rows = len(corrections)
        name = "phu_luc_4_sua_thong_tin.xlsx"
    async with db.transaction() as tx:
        await audit(tx, actor=actor, action=f"export.phu_luc_{which}",
                    subject=f"{scope.kind}:{scope.unit_id}", rows=rows)
    return name, content


async def record_view(db: Database, scope: Scope, *, actor: str, people: int) -> None:
    """Who looked at whose progress: every view leaves an audit row."""
    async with db.transaction() as tx:
        await audit(tx, actor=actor, action="report.view",
                    subject=f"{scope.kind}:{scope.unit_id}", people=people)
