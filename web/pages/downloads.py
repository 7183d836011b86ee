"""Tải về: Phụ lục 5 and 4 (.xlsx) of the viewer's scope, as /baocao sends them, audited."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from bot.services import reports
from bot.services.web_access import WebViewer
from web.pages.overview import viewer_scope
from web.render import render, tr_of
from web.session import page, services_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@page("report")
async def downloads(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    return render(request, viewer, "downloads.html", title=_("Downloads"),
                  scope=viewer_scope(request, viewer).title)


@page("report")
async def appendix(request: Request, viewer: WebViewer) -> Response:
    which = request.path_params["which"]
    if which not in ("4", "5"):
        return Response(status_code=404)
    name, content = await reports.export(services_of(request).db, viewer_scope(request, viewer),
                                         which, actor=viewer.actor)
    return Response(content, media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
