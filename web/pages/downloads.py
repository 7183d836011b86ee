"""Tải về: Phụ lục 5 and 4 (.xlsx) of the viewer's scope, as /baocao sends them, audited."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from bot.services import reports
from bot.services.reports import FORM_BUTTONS
from bot.services.web_access import WebViewer
from web.pages.overview import viewer_scope
from web.render import render, tr_of
from web.session import page, services_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# The address of each form (/tai-ve/phu-luc-5.xlsx …) and its campaign file key.
FORMS = {"5": "phu_luc_5", "4": "phu_luc_4", "chua-hoan-thanh": "unfinished"}


@page("report")
async def downloads(request: Request, viewer: WebViewer) -> Response:
    """The forms the running campaign declares, as /baocao offers them."""
    _ = tr_of(viewer)
    declared = await reports.report_forms(services_of(request).db)
    links = [(f"/tai-ve/phu-luc-{slug}.xlsx", FORM_BUTTONS[form])
             for slug, form in FORMS.items() if form in declared]
    return render(request, viewer, "downloads.html", title=_("Downloads"),
                  scope=viewer_scope(request, viewer).title, links=links)


@page("report")
async def appendix(request: Request, viewer: WebViewer) -> Response:
    form = FORMS.get(request.path_params["which"])
    if form is None or form not in await reports.report_forms(services_of(request).db):
        return Response(status_code=404)
    name, content = await reports.export(services_of(request).db, viewer_scope(request, viewer),
                                         form, actor=viewer.actor)
    return Response(content, media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
