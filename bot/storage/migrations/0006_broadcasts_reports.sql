-- Announcements from the Sở, a Phòng or a principal to an audience, sent through the outbox.
CREATE TABLE broadcasts (
    id              INTEGER PRIMARY KEY,
    author_id       INTEGER REFERENCES people(id) ON DELETE SET NULL,
    author          TEXT NOT NULL,               -- "person:<id>", "tg:<id>" or "cli"
    audience        TEXT NOT NULL,               -- JSON: the audience filter as chosen
    text            TEXT NOT NULL,               -- Telegram HTML
    attachment_kind TEXT CHECK (attachment_kind IN ('document', 'photo')),
    attachment_id   TEXT,                        -- Telegram file_id, re-sent without upload
    attachment_name TEXT,
    status          TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'queued', 'sending', 'done', 'cancelled')),
    recipients      INTEGER NOT NULL DEFAULT 0,
    progress_chat   INTEGER,                     -- where the progress message lives
    progress_msg    INTEGER,
    created_at      TEXT NOT NULL,
    queued_at       TEXT,
    finished_at     TEXT
);
CREATE INDEX ix_broadcasts_status ON broadcasts(status, id);

-- Personal info on LMS that a person reports as wrong (000, 1.1b; Phụ lục 4).
CREATE TABLE info_corrections (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    field         TEXT NOT NULL CHECK (field IN ('full_name', 'birth_date', 'birth_place')),
    wrong_value   TEXT NOT NULL,
    correct_value TEXT NOT NULL,
    reported_at   TEXT NOT NULL,
    reported_by   TEXT NOT NULL,
    resolved_at   TEXT
);
CREATE INDEX ix_info_corrections_person ON info_corrections(person_id);
