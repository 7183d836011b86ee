-- Single-use invitations for Phòng/Sở staff who are in no school roster (/start CODE).
CREATE TABLE invites (
    code        TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('phong', 'so')),
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    full_name   TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    used_by     INTEGER REFERENCES people(id) ON DELETE SET NULL
);
-- A Telegram user who blocked the bot is not sent bulk messages until they write again.
ALTER TABLE accounts ADD COLUMN blocked_at TEXT;
