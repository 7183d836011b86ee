"""Templates (Jinja2, autoescaped, from the package), the navigation, and CSV of a table."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from bot.domain.permissions import allowed
from bot.i18n import DEFAULT_LANGUAGE, N_, Translator, translator
from bot.services.web_access import WebViewer

TEMPLATES = Path(__file__).resolve().parent / "templates"
ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                  trim_blocks=True, lstrip_blocks=True)

# (path, title, permission): the menu, each entry shown to those who may open it.
NAVIGATION = [
    ("/", N_("Overview"), "report"),
    ("/cho-duyet", N_("Waiting for approval"), "approve"),
    ("/cau-hoi", N_("Questions"), "answer_tickets"),
    ("/cong-van", N_("Letters"), "letters"),
    ("/ke-hoach", N_("Plan and deadlines"), "deadlines"),
    ("/thong-bao", N_("Announcements"), "broadcast"),
    ("/tai-ve", N_("Downloads"), "report"),
]


@dataclass(frozen=True, slots=True)
class Table:
    """A table a page shows; any of them can be downloaded as CSV (``?csv=N``)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    links: Sequence[str | None] = field(default=())  # per row: where its first cell leads


def tr_of(viewer: WebViewer | None) -> Translator:
    return translator(viewer.language if viewer else DEFAULT_LANGUAGE)


def render(request: Request, viewer: WebViewer | None, template: str, *, status: int = 200,
           **context: Any) -> Response:
    _ = tr_of(viewer)
    nav = [(path, _(title)) for path, title, action in NAVIGATION
           if viewer is not None and allowed(action, viewer.tags)]
    html = ENV.get_template(template).render(
        _=_, viewer=viewer, nav=nav, path=request.url.path, lang=_.language,
        csrf=viewer.csrf if viewer else "", **context)
    return HTMLResponse(html, status_code=status)


def message_page(request: Request, viewer: WebViewer | None, title: str, text: str, *,
                 status: int, params: Mapping[str, object] | None = None) -> Response:
    _ = tr_of(viewer)
    return render(request, viewer, "message.html", status=status, title=_(title),
                  text=_(text).format(**(params or {})))


def csv_response(table: Table, filename: str) -> Response:
    """A table as Excel opens it: UTF-8 with a byte-order mark, comma-separated."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.headers)
    writer.writerows(_safe(row) for row in table.rows)
    return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _safe(row: Iterable[object]) -> list[object]:
    """Cells that Excel would run as a formula are written as text."""
    return [f"'{v}" if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") else v for v in row]


def table_or_csv(request: Request, tables: Sequence[Table], name: str) -> Response | None:
    """``?csv=N`` on any page: its N-th table as CSV; None to render the page."""
    wanted = request.query_params.get("csv")
    if wanted is None:
        return None
    if not wanted.isdigit() or int(wanted) >= len(tables):
        return Response(status_code=404)
    return csv_response(tables[int(wanted)], f"{name}-{wanted}.csv")
