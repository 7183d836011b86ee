-- Support groups: the Telegram group where a unit's staff answer questions (Sở or a Phòng).
CREATE TABLE support_groups (
    unit_id   INTEGER PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
    chat_id   INTEGER NOT NULL,
    set_by    TEXT NOT NULL,
    set_at    TEXT NOT NULL
);

-- Questions the bot could not answer, passed to a person. The asker is kept by Telegram id
-- to deliver the answer; staff see role, level and school only, never the phone number.
CREATE TABLE tickets (
    id              INTEGER PRIMARY KEY,
    asker_tg        INTEGER NOT NULL,
    asker_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    unit_id         INTEGER NOT NULL REFERENCES units(id),
    parent_id       INTEGER REFERENCES tickets(id),
    question        TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
    group_chat      INTEGER,
    group_msg       INTEGER,
    answer          TEXT,
    answered_by     TEXT,
    rating          INTEGER CHECK (rating IN (-1, 1)),
    created_at      TEXT NOT NULL,
    answered_at     TEXT,
    reminded_at     TEXT
);
CREATE INDEX ix_tickets_open ON tickets(status, unit_id);
CREATE INDEX ix_tickets_group ON tickets(group_chat, group_msg);
CREATE INDEX ix_tickets_asker ON tickets(asker_tg, status);

-- Good answers proposed as knowledge-base entries; live once a Sở admin approves them.
CREATE TABLE kb_drafts (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
    unit_id     INTEGER REFERENCES units(id),
    title       TEXT NOT NULL,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved',
                                                                  'rejected')),
    proposed_by TEXT NOT NULL,
    proposed_at TEXT NOT NULL,
    decided_by  TEXT,
    decided_at  TEXT
);
