"""Tổng quan: completion by unit, school, task and level, with the numbers of /baocao, a
chart, and a drill-down from a unit to a school to the people still missing each task."""

from __future__ import annotations

from dataclasses import replace

from starlette.requests import Request
from starlette.responses import Response

from bot.i18n import Translator
from bot.reports.scope import Scope
from bot.reports.stats import Completion, Report
from bot.services import dashboard
from bot.services.reports import scope_for
from bot.services.web_access import WebViewer
from web.render import Table, render, table_or_csv, tr_of
from web.session import page, services_of


def viewer_scope(request: Request, viewer: WebViewer) -> Scope:
    """The viewer's scope as it is now (raises PermissionDenied for anyone else)."""
    return scope_for(viewer.profile, is_admin=viewer.is_admin,
                     so_name=services_of(request).so_name)


async def viewer_overview(request: Request, viewer: WebViewer) -> dashboard.Overview:
    cache: dashboard.ReportCache = request.app.state.reports
    return await cache.overview(viewer_scope(request, viewer))


def _pct(value: float) -> str:
    return f"{value:.0f}%"


def _completion_rows(rows: tuple[Completion, ...], _: Translator) -> list[list[object]]:
    return [[c.name or _("Schools under the Sở"), c.people, c.finished, _pct(c.percent)]
            for c in rows]


def _group_table(title: str, header: str, groups: list[dashboard.Group], link: str,
                 _: Translator) -> Table:
    return Table(title, [header, _("People"), _("Finished"), _("%")],
                 [[g.name or _("Schools under the Sở"), g.people, g.finished, _pct(g.percent)]
                  for g in groups],
                 [link.format(g.id) for g in groups])


def _tables(report: Report, units: list[dashboard.Group], schools: list[dashboard.Group],
            _: Translator) -> list[Table]:
    counts = [_("People"), _("Finished"), _("%")]
    tables = []
    if units:
        tables.append(_group_table(_("By unit"), _("Unit"), units, "/don-vi/{}", _))
    if schools:
        tables.append(_group_table(_("By school"), _("School"), schools, "/truong/{}", _))
    tables.append(Table(_("By task"), [_("Task"), _("People who have it"), _("Done"), _("%")],
                        _completion_rows(report.by_task, _)))
    tables.append(Table(_("By level"), [_("Level"), *counts],
                        _completion_rows(report.by_level, _)))
    return tables


async def _show(request: Request, viewer: WebViewer, report: Report,
                units: list[dashboard.Group], schools: list[dashboard.Group],
                crumbs: list[tuple[str, str]]) -> Response:
    _ = tr_of(viewer)
    campaign = await services_of(request).campaign()
    tables = _tables(report, units, schools, _)
    missing = dashboard.missing_by_task(report, campaign) if report.scope.kind == "school" \
        else []
    if missing:
        tables.append(Table(_("Who still misses each task"), [_("Task"), _("Name")],
                            [[task.header, p.full_name] for task, people in missing
                             for p in people]))
    csv = table_or_csv(request, tables, "tong-quan")
    if csv is not None:
        return csv
    total, core = report.total, report.core
    summary = _("{finished} of {people} people have finished ({percent}) what comes before "
                "{gate}. Cốt cán plans and reports approved: {approved} of {items}.").format(
        finished=total.finished, people=total.people, percent=_pct(total.percent),
        gate=report.gate, approved=core.approved, items=core.items)
    if units or schools:
        chart = [(g.name or _("Schools under the Sở"), g.percent,
                  f"{g.finished}/{g.people}") for g in (units or schools)]
    else:
        chart = [(c.name or "", c.percent, f"{c.finished}/{c.people}") for c in report.by_task]
    return render(request, viewer, "overview.html", title=report.scope.title, summary=summary,
                  chart=chart, chart_label=_("Share of people who have finished"),
                  tables=tables, crumbs=crumbs,
                  missing=[(t.header, [p.full_name for p in people]) for t, people in missing])


@page("report")
async def overview(request: Request, viewer: WebViewer) -> Response:
    shown = await viewer_overview(request, viewer)
    return await _show(request, viewer, shown.report, shown.units, shown.schools, [])


@page("report")
async def unit(request: Request, viewer: WebViewer) -> Response:
    shown = await viewer_overview(request, viewer)
    campaign = await services_of(request).campaign()
    report = dashboard.unit_report(shown.report, campaign, int(request.path_params["unit_id"]))
    units, schools = dashboard.groups(report)
    if not report.scope.title:  # the schools the Sở manages itself
        report = replace(report, scope=Scope("district", report.scope.unit_id,
                                             tr_of(viewer)("Schools under the Sở")))
    return await _show(request, viewer, report, units, schools,
                       [("/", shown.report.scope.title)])


@page("report")
async def school(request: Request, viewer: WebViewer) -> Response:
    shown = await viewer_overview(request, viewer)
    campaign = await services_of(request).campaign()
    report = dashboard.school_report(shown.report, campaign,
                                     int(request.path_params["school_id"]))
    crumbs = [("/", shown.report.scope.title)]
    if shown.report.scope.kind == "province":
        member = report.staff[0]
        crumbs.append((f"/don-vi/{member.district_id or dashboard.UNDER_SO}",
                       member.district or tr_of(viewer)("Schools under the Sở")))
    return await _show(request, viewer, report, [], [], crumbs)
