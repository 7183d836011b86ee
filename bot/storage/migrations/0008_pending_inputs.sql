-- What the bot waits for from a user (a reason, an announcement, an answer): one row a user,
-- so a multi-step input survives a restart and times out on its own. Ids and choices only.
CREATE TABLE pending_inputs (
    telegram_user_id INTEGER PRIMARY KEY,
    chat_id          INTEGER NOT NULL,
    flow             TEXT NOT NULL,
    step             TEXT NOT NULL,
    data             TEXT NOT NULL,
    language         TEXT NOT NULL,
    expires_at       TEXT NOT NULL
);
