"""Signing in to the web dashboard through the bot: one-time links, sessions, and who is
looking now.

A link is a random token sent in Telegram (``/web``) or printed by ``troly web-link``; it works
once, for ten minutes, for the account it was made for. Opening it starts a session. Neither
token carries authority of its own: every request reads the person's role and units as the
roster says now, so a demoted, removed or erased person's open session sees nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from bot.domain.errors import DomainError, PermissionDenied
from bot.domain.people import Person, Profile
from bot.domain.permissions import allowed, role_tags
from bot.domain.phones import normalise_phone
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_
from bot.services.authority import current_profile
from bot.storage import Database
from bot.storage import web as repo
from bot.storage.accounts import account_by_telegram_id, account_of_person
from bot.storage.database import audit
from bot.storage.people import person_by_phone

LINK_TTL = dt.timedelta(minutes=10)
SESSION_TTL = dt.timedelta(hours=8)  # a working day; then a new link from the bot


def digest(token: str) -> str:
    """What the database keeps of a token: a copy of the database opens nothing."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class WebViewer:
    """The person behind a live session, as the roster says now."""

    session_id: int
    csrf: str
    language: str
    profile: Profile | None
    is_admin: bool
    telegram_user_id: int | None = None  # the account the link was sent to, if any

    @property
    def person(self) -> Person | None:
        return self.profile.person if self.profile else None

    @property
    def tags(self) -> frozenset[str]:
        return role_tags(self.person, is_admin=self.is_admin)

    @property
    def actor(self) -> str:
        """The audit actor: the same as in Telegram, so an approval made in one can be undone
        in the other."""
        return f"person:{self.person.id}" if self.person else f"web:{self.session_id}"


class NotForDashboard(PermissionDenied):
    def __init__(self) -> None:
        super().__init__(N_("The web dashboard is for the Sở, the Phòng and principals."))


async def create_link(db: Database, *, person_id: int | None, telegram_user_id: int | None,
                      is_admin: bool, now: dt.datetime) -> str:
    """A sign-in token for this account, after checking it may use the dashboard now.

    Raises:
        NotForDashboard: the person's role has no dashboard.
    """
    profile = await current_profile(db, person_id)
    if not allowed("web", role_tags(profile.person if profile else None, is_admin=is_admin)):
        raise NotForDashboard()
    token = secrets.token_urlsafe(32)
    async with db.transaction() as tx:
        await repo.add_link(tx, digest(token), person_id, telegram_user_id, now, now + LINK_TTL)
        await audit(tx, actor=f"tg:{telegram_user_id}" if telegram_user_id else "cli",
                    action="web.link", subject=f"person:{person_id}" if person_id else None)
    return token


async def link_for_phone(db: Database, raw_phone: str, *, admin_ids: frozenset[int],
                         now: dt.datetime) -> str:
    """``troly web-link PHONE``: a link for the person with this phone, bound to their
    Telegram account when they have one (erasing the account then ends the session).

    Raises:
        DomainError: not a phone number, or nobody in the roster has it.
        NotForDashboard: the person's role has no dashboard.
    """
    phone = normalise_phone(raw_phone)
    person = await person_by_phone(db.reader, phone) if phone else None
    if person is None:
        raise DomainError(N_("Nobody in the roster has this phone number."))
    account = await account_of_person(db.reader, person.id)
    tg_id = account.telegram_user_id if account else None
    return await create_link(db, person_id=person.id, telegram_user_id=tg_id,
                             is_admin=tg_id in admin_ids, now=now)


async def sign_in(db: Database, token: str, *, admin_ids: frozenset[int],
                  now: dt.datetime) -> tuple[str, WebViewer] | None:
    """Spend the link and open a session: (session token, viewer), or None when the link is
    unknown, used, expired, or its person may no longer use the dashboard."""
    session_token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    async with db.transaction() as tx:
        bound = await repo.use_link(tx, digest(token), now)
        if bound is None:
            await audit(tx, actor="web", action="web.signin.refused")
            return None
        person_id, tg_id = bound
        account = await account_by_telegram_id(tx, tg_id) if tg_id is not None else None
        language = account.language if account else DEFAULT_LANGUAGE
        await repo.add_session(tx, digest(session_token), csrf, person_id, tg_id, language,
                               now, now + SESSION_TTL)
        await audit(tx, actor=f"person:{person_id}" if person_id else f"tg:{tg_id}",
                    action="web.signin")
    viewer = await viewer_for(db, session_token, admin_ids=admin_ids, now=now)
    return None if viewer is None else (session_token, viewer)


async def viewer_for(db: Database, session_token: str, *, admin_ids: frozenset[int],
                     now: dt.datetime) -> WebViewer | None:
    """Who holds this session now, re-read from the roster and accounts; None when the session
    is unknown, ended or expired, the account was erased or re-linked, the person left the
    roster, or their role has no dashboard any more."""
    session = await repo.live_session(db.reader, digest(session_token), now)
    if session is None:
        return None
    tg_id = session.telegram_user_id
    if tg_id is not None and session.person_id is not None:
        account = await account_by_telegram_id(db.reader, tg_id)
        if account is None or account.person_id != session.person_id:
            return None
    is_admin = tg_id is not None and tg_id in admin_ids
    profile = await current_profile(db, session.person_id)
    if session.person_id is not None and profile is None:
        return None
    viewer = WebViewer(session.id, session.csrf, session.language, profile, is_admin, tg_id)
    return viewer if allowed("web", viewer.tags) else None


async def sign_out(db: Database, viewer: WebViewer, *, now: dt.datetime) -> None:
    async with db.transaction() as tx:
        if await repo.end_session(tx, viewer.session_id, now):
            await audit(tx, actor=viewer.actor, action="web.signout")


async def choose_language(db: Database, viewer: WebViewer, language: str) -> None:
    if language in LANGUAGES:
        async with db.transaction() as tx:
            await repo.set_language(tx, viewer.session_id, language)


async def forget_expired(db: Database, *, now: dt.datetime) -> int:
    async with db.transaction() as tx:
        return await repo.forget_expired(tx, now)
