-- The web dashboard: one-time sign-in links and browser sessions. Only SHA-256 digests of the
-- tokens are kept, so a copy of the database opens no session. A row names the person (and the
-- Telegram account the link was sent to); the role and scope are re-read on every request.
CREATE TABLE web_links (
    token_hash       TEXT PRIMARY KEY,
    person_id        INTEGER REFERENCES people(id) ON DELETE CASCADE,
    telegram_user_id INTEGER,
    created_at       TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    used_at          TEXT
);

CREATE TABLE web_sessions (
    id               INTEGER PRIMARY KEY,
    token_hash       TEXT NOT NULL UNIQUE,
    csrf             TEXT NOT NULL,
    person_id        INTEGER REFERENCES people(id) ON DELETE CASCADE,
    telegram_user_id INTEGER,
    language         TEXT NOT NULL DEFAULT 'vi',
    created_at       TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    ended_at         TEXT
);
