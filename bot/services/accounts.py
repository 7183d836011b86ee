"""Sign-up, profile and erasure: linking a Telegram account to a person of the roster.

The phone number is proven by Telegram's shared contact (the handler checks that the contact
is the sender's own); the roster says who that number belongs to. Nobody becomes a principal
by saying so.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.errors import DomainError, PermissionDenied
from bot.domain.people import Person, Profile, Role, Unit, UnitKind
from bot.domain.permissions import role_tags
from bot.domain.phones import ForeignNumber, contact_phone
from bot.domain.unit_names import find_unit
from bot.i18n import DEFAULT_LANGUAGE, N_
from bot.storage import Database, erasure
from bot.storage import accounts as account_repo
from bot.storage import people as people_repo
from bot.storage.accounts import Account
from bot.storage.database import audit

INVITE_TTL = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Visitor:
    """Whoever sent the update, as far as the database knows them."""

    telegram_user_id: int
    account: Account | None
    profile: Profile | None
    is_admin: bool = False

    @property
    def person(self) -> Person | None:
        return self.profile.person if self.profile else None

    @property
    def language(self) -> str:
        return self.account.language if self.account else DEFAULT_LANGUAGE

    @property
    def tags(self) -> frozenset[str]:
        return role_tags(self.person, is_admin=self.is_admin)


async def load_visitor(db: Database, telegram_user_id: int, *, is_admin: bool) -> Visitor:
    """Account, person and units in one query: this runs for every update."""
    account, profile = await people_repo.account_and_profile(db.reader, telegram_user_id)
    return Visitor(telegram_user_id, account, profile, is_admin)


class SignUpOutcome(StrEnum):
    LINKED = "linked"
    NOT_IN_ROSTER = "not_in_roster"
    INVALID_PHONE = "invalid_phone"
    FOREIGN_PHONE = "foreign_phone"


@dataclass(frozen=True, slots=True)
class SignUp:
    outcome: SignUpOutcome
    profile: Profile | None = None


class InviteInvalid(DomainError):
    def __init__(self) -> None:
        super().__init__(N_("This invitation link is not valid any more (used or expired). "
                            "Please ask the Sở officer for a new one."))


async def sign_up(db: Database, telegram_user_id: int, raw_phone: str, *,
                  invite_code: str | None = None, now: dt.datetime | None = None) -> SignUp:
    """Link the account whose own contact carried ``raw_phone``.

    A number in the roster links to that person. A number not in it links only with a valid
    invitation (Phòng/Sở staff), which is then used up; otherwise the visitor stays a guest.
    """
    try:
        phone = contact_phone(raw_phone)
    except ForeignNumber:
        async with db.transaction() as tx:
            await audit(tx, actor=f"tg:{telegram_user_id}", action="signup.foreign_phone")
        return SignUp(SignUpOutcome.FOREIGN_PHONE)
    if phone is None:
        return SignUp(SignUpOutcome.INVALID_PHONE)
    now = now or dt.datetime.now(dt.UTC)
    async with db.transaction() as tx:
        person = await people_repo.person_by_phone(tx, phone)
        if person is None and invite_code:
            invite = await account_repo.invite_by_code(tx, invite_code)
            if invite is None or invite.used or invite.expires_at <= now:
                raise InviteInvalid()
            person_id = await people_repo.insert_person(
                tx, full_name=invite.full_name, phone=phone, role=invite.role,
                unit_id=invite.unit_id)
            if not await account_repo.mark_invite_used(tx, invite_code, person_id):
                raise InviteInvalid()
            await audit(tx, actor=f"tg:{telegram_user_id}", action="invite.redeem",
                        subject=f"person:{person_id}")
            person = await people_repo.person_by_id(tx, person_id)
        if person is None:
            await audit(tx, actor=f"tg:{telegram_user_id}", action="signup.not_in_roster")
            return SignUp(SignUpOutcome.NOT_IN_ROSTER)
        await account_repo.link(tx, telegram_user_id, person.id)
        await audit(tx, actor=f"tg:{telegram_user_id}", action="account.link",
                    subject=f"person:{person.id}")
        profile = await people_repo.profile_of(tx, person)
    return SignUp(SignUpOutcome.LINKED, profile)


async def check_invite(db: Database, code: str, *, now: dt.datetime | None = None) -> bool:
    invite = await account_repo.invite_by_code(db.reader, code)
    now = now or dt.datetime.now(dt.UTC)
    return invite is not None and not invite.used and invite.expires_at > now


async def erase(db: Database, telegram_user_id: int, *, key: bytes) -> bool:
    """Forget the Telegram account: the link and the preferences go, and every stored
    Telegram id (audit log, tickets, "changed by" columns) becomes a keyed pseudonym, so the
    history stays countable but no longer leads to the person. The roster row stays.

    Returns whether anything was held about them (a guest may have asked questions)."""
    async with db.transaction() as tx:
        removed = await account_repo.delete_account(tx, telegram_user_id)
        rows = await erasure.pseudonymise(tx, telegram_user_id, key)
        if removed or rows:
            await audit(tx, actor=erasure.pseudonym(key, telegram_user_id),
                        action="account.erase", rows=rows)
    return removed or rows > 0


async def set_language(db: Database, telegram_user_id: int, language: str) -> None:
    async with db.transaction() as tx:
        await account_repo.set_language(tx, telegram_user_id, language)


async def create_invite(db: Database, *, role: Role, unit_name: str | None, full_name: str,
                        actor: str, so_name: str, now: dt.datetime | None = None,
                        new_unit: bool = False) -> str:
    """A single-use code for ``/start CODE`` that expires after a week.

    Sở staff join the Sở; Phòng staff join the named Phòng (or xã/phường), which must exist
    (the roster makes units) unless ``new_unit`` asks to create it.

    Raises:
        UnknownUnit: no Phòng of that name; the message names the closest ones.
    """
    if role not in (Role.PHONG_STAFF, Role.SO_STAFF):
        raise PermissionDenied(N_("Invitations are only for Phòng and Sở staff; teachers and "
                                  "principals join through the school roster."))
    if role is Role.PHONG_STAFF and not unit_name:
        raise DomainError(N_("Please name the Phòng (or commune/ward) for this invitation."))
    unit_id: int | None = None
    if role is Role.PHONG_STAFF and not new_unit:
        unit_id = find_unit(unit_name or "", await phong_units(db)).id
    code = secrets.token_urlsafe(12)
    expires = (now or dt.datetime.now(dt.UTC)) + INVITE_TTL
    async with db.transaction() as tx:
        so_id = await people_repo.ensure_so(tx, so_name)
        if role is Role.SO_STAFF:
            unit_id = so_id
        elif unit_id is None:  # --new-unit, asked for by name
            unit_id = await people_repo.get_or_create_unit(tx, UnitKind.PHONG, unit_name or "",
                                                           so_id)
        await account_repo.create_invite(tx, code=code, role=role, unit_id=unit_id,
                                         full_name=full_name, created_by=actor,
                                         expires_at=expires)
        await audit(tx, actor=actor, action="invite.create", subject=f"unit:{unit_id}",
                    role=role.value)
    return code


async def writes_again(db: Database, visitor: Visitor) -> None:
    """Someone marked as having blocked the bot wrote to it, so they unblocked it: bulk
    messages may reach them again."""
    if visitor.account is not None and visitor.account.blocked:
        async with db.transaction() as tx:
            await account_repo.unblock(tx, visitor.telegram_user_id)


async def set_reminders_muted(db: Database, telegram_user_id: int, muted: bool) -> None:
    async with db.transaction() as tx:
        await account_repo.set_reminders_muted(tx, telegram_user_id, muted)


async def phong_units(db: Database) -> list[Unit]:
    """The Phòng (or xã/phường) units an invitation may name, by name."""
    return sorted(await people_repo.units_of_kind(db.reader, UnitKind.PHONG),
                  key=lambda u: u.name)
