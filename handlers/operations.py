"""Operations alerts to the admins (a failed nightly backup), rendered when they go out."""

from __future__ import annotations

from bot.context import BotApplication
from bot.i18n import translator
from bot.sending import Account, OutboxRow, Rendered
from bot.services.backups import ALERT_KIND


async def render_ops_alert(row: OutboxRow, account: Account) -> Rendered:
    _ = translator(account.language)
    problem = _(str(row.payload["message"])).format(**row.payload.get("params", {}))
    return Rendered("\n".join([
        _("⚠️ Tonight's backup of the bot's database failed."), problem,
        _("On the server, run «troly doctor», then «troly backup» (see deploy/README.md)."),
    ]))


def register(application: BotApplication) -> None:
    services = application.bot_data.services
    assert services is not None
    services.outbox.register(ALERT_KIND, render_ops_alert)
