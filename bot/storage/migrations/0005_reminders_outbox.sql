-- Deadlines (yearly day/month, or a fixed date), the tasks they close and whom they remind.
CREATE TABLE deadlines (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    day         INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    year        INTEGER,
    tasks       TEXT NOT NULL,           -- JSON list of task codes
    audience    TEXT NOT NULL CHECK (audience IN ('core', 'staff')),
    offsets     TEXT NOT NULL,           -- JSON list of days before
    active      INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL
);
INSERT INTO deadlines (title, day, month, tasks, audience, offsets, updated_at) VALUES
    ('Duyệt kế hoạch, báo cáo hỗ trợ đồng nghiệp của cốt cán', 28, 2,
     '["plan_m2","plan_m3","plan_m4","plan_m5","plan_m9","report_m2","report_m3","report_m4","report_m5"]',
     'core', '[14,7,3,1,0]', '2026-11-25T00:00:00+00:00'),
    ('Hoàn thành mô đun 1 và các việc trước khi học mô đun 2, 3, 4', 30, 3,
     '["module1","temis_self","temis_eval"]', 'staff', '[14,7,3,1,0]',
     '2026-11-25T00:00:00+00:00');

-- One outbox for every bulk message. A row names a person and what to say by ids only;
-- the text is rendered when it is sent, from the state at that moment. The unique key is
-- the sent-log: the same reminder (person, deadline, day, offset) is queued once, ever.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,           -- reminder, alert, broadcast
    dedup_key   TEXT NOT NULL,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    payload     TEXT NOT NULL,           -- JSON ids for the renderer
    priority    INTEGER NOT NULL DEFAULT 5,
    status      TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed', 'blocked')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    error       TEXT,
    UNIQUE (dedup_key, person_id)
);
CREATE INDEX ix_outbox_due ON outbox(status, priority, id);

ALTER TABLE accounts ADD COLUMN reminders_muted INTEGER NOT NULL DEFAULT 0;
