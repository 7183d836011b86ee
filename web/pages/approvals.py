"""Chờ duyệt: the cốt cán plans and reports waiting for this approver, confirmed in two steps
with ten minutes to undo, under the very rules and services of /choduyet; the cốt cán hears of
it through the outbox, as from the bot."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from bot.domain.errors import PermissionDenied
from bot.domain.people import Profile
from bot.i18n import N_
from bot.services import tasks as task_service
from bot.services.web_access import WebViewer
from web.render import Table, render, table_or_csv, tr_of
from web.session import page, services_of

ROLE_NAMES = {"gv": N_("Teacher"), "ht": N_("Principal"), "pht": N_("Vice-principal")}


def _approver(viewer: WebViewer) -> Profile:
    if viewer.profile is None:  # an admin outside the roster approves nothing
        raise PermissionDenied(N_("This page is not available for your role."))
    return viewer.profile


# The three steps call the service of the same name with the same arguments as the bot's
# buttons: (what it does, the title it shows, whether it changed something to send).
STEPS = {
    "confirm": (task_service.preview_approval, N_("Confirm the approval"), False),
    "approved": (task_service.approve, N_("Approved"), True),
    "undone": (task_service.undo_approval, N_("Approval undone"), True),
}


async def _step(request: Request, viewer: WebViewer, step: str) -> Response:
    _ = tr_of(viewer)
    services = services_of(request)
    campaign = await services.campaign()
    task = campaign.task(request.path_params["task"])
    if task is None:
        raise PermissionDenied(N_("This item is not valid for you."))
    owner_id = int(request.path_params["owner_id"])
    use_case, title, changed = STEPS[step]
    change = await use_case(services.db, campaign, _approver(viewer), owner_id, task,
                            rules=services.rules_for(campaign), actor=viewer.actor)
    if changed:
        services.outbox.wake()  # the cốt cán's notice was queued with the change
        request.app.state.reports.forget()
    return render(request, viewer, "approve.html", title=_(title), owner=change.owner,
                  task=task, step=step,
                  role=_(ROLE_NAMES.get(change.owner.person.role.value, "")),
                  action=f"/cho-duyet/{owner_id}/{task.code}")


@page("approve")
async def waiting(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    services = services_of(request)
    campaign = await services.campaign()
    pending = await task_service.pending_for(services.db, campaign, _approver(viewer),
                                             services.rules_for(campaign))
    table = Table(_("Waiting for your approval"), [_("Name"), _("Role"), _("School"), _("Item")],
                  [[i.owner.person.full_name, _(ROLE_NAMES.get(i.owner.person.role.value, "")),
                    i.owner.school.name if i.owner.school else "", i.task.header]
                   for i in pending],
                  [f"/cho-duyet/{i.owner.person.id}/{i.task.code}" for i in pending])
    csv = table_or_csv(request, [table], "cho-duyet")
    if csv is not None:
        return csv
    return render(request, viewer, "approvals.html", title=_("Waiting for approval"),
                  table=table, index=0)


@page("approve")
async def confirm(request: Request, viewer: WebViewer) -> Response:
    """Step 1: who, what, and what confirming does; nothing is recorded yet."""
    return await _step(request, viewer, "confirm")


@page("approve", post=True)
async def approve(request: Request, viewer: WebViewer) -> Response:
    """Step 2: recorded as approved by this person, the cốt cán told; undo offered."""
    return await _step(request, viewer, "approved")


@page("approve", post=True)
async def undo(request: Request, viewer: WebViewer) -> Response:
    """Within ten minutes: back to the state it had, the cốt cán told."""
    return await _step(request, viewer, "undone")
