"""aiosqlite storage: one writer connection guarded by a lock, one reader, versioned schema."""

from bot.storage.database import Database, Tx

__all__ = ["Database", "Tx"]
