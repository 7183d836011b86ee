"""Erasure of a Telegram account (``/xoadulieu``): the link goes, the history stays countable.

The audit log, tickets and "who changed this" columns keep rows for years (they are the
province's records of approvals and answers), but after erasure they must no longer tie a
Telegram id to a person. Every place that holds a Telegram id gets the same keyed hash
instead: rows of one person still count as one actor, and without the key nobody can
recompute which Telegram id it was (Decree 13/2023/NĐ-CP, data minimisation).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

import aiosqlite

# "by"-style text columns that hold "tg:<id>" for the Telegram user who acted.
ACTOR_COLUMNS = (
    ("audit_log", "actor"), ("task_states", "updated_by"), ("broadcasts", "author"),
    ("info_corrections", "reported_by"), ("kb_drafts", "proposed_by"),
    ("kb_drafts", "decided_by"), ("support_groups", "set_by"), ("tickets", "answered_by"),
    ("invites", "created_by"), ("letters", "added_by"), ("campaigns", "loaded_by"),
)
# An integer pseudonym is above every Telegram id (they fit in 52 bits) and below 2^63.
_PSEUDONYM_BASE = 1 << 62


def key_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".erasure-key")


def load_or_create_key(db_path: Path) -> bytes:
    """The key beside the database (created once, readable by the bot's user only).

    Kept out of the database on purpose: a copy of the database alone cannot be used to find
    which Telegram id an erased pseudonym was.
    """
    path = key_path(db_path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


def pseudonym(key: bytes, telegram_user_id: int) -> str:
    """``tg#<16 hex>``: the same for one Telegram id, meaningless without the key."""
    return "tg#" + hmac.new(key, str(telegram_user_id).encode(), hashlib.sha256).hexdigest()[:16]


def pseudonym_number(key: bytes, telegram_user_id: int) -> int:
    """The pseudonym for integer columns (tickets.asker_tg): never a real chat id."""
    return _PSEUDONYM_BASE + int(pseudonym(key, telegram_user_id)[3:][:15], 16)


def is_pseudonym_number(chat_id: int) -> bool:
    return chat_id >= _PSEUDONYM_BASE


async def pseudonymise(tx: aiosqlite.Connection, telegram_user_id: int, key: bytes) -> int:
    """Replace the Telegram id everywhere it is stored; returns how many rows changed."""
    actor, name = f"tg:{telegram_user_id}", pseudonym(key, telegram_user_id)
    changed = 0
    for table, column in ACTOR_COLUMNS:
        cur = await tx.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?",
                               (name, actor))
        changed += cur.rowcount
    number = pseudonym_number(key, telegram_user_id)
    for statement, params in (
            ("UPDATE tickets SET asker_tg = ? WHERE asker_tg = ?", (number, telegram_user_id)),
            ("UPDATE broadcasts SET progress_chat = NULL, progress_msg = NULL "
             "WHERE progress_chat = ?", (telegram_user_id,)),
            ("DELETE FROM pending_inputs WHERE telegram_user_id = ? OR chat_id = ?",
             (telegram_user_id, telegram_user_id)),
            # What still waits for their chat is not sent; what was sent stays, pseudonymous.
            ("DELETE FROM outbox WHERE chat_id = ? AND status IN ('pending', 'sending')",
             (telegram_user_id,)),
            ("UPDATE outbox SET chat_id = ? WHERE chat_id = ?", (number, telegram_user_id)),
            # Their dashboard links and sessions end with the account.
            ("DELETE FROM web_links WHERE telegram_user_id = ?", (telegram_user_id,)),
            ("DELETE FROM web_sessions WHERE telegram_user_id = ?", (telegram_user_id,))):
        cur = await tx.execute(statement, params)
        changed += cur.rowcount
    return changed
