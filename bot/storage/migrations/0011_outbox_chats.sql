-- An outbox row addresses a person of the roster or a chat: a support group, a guest who asked
-- a question, an admin outside the roster. Rebuilt to make person_id optional and add chat_id.
CREATE TABLE outbox_new (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    dedup_key   TEXT NOT NULL,
    person_id   INTEGER REFERENCES people(id) ON DELETE CASCADE,
    chat_id     INTEGER,
    payload     TEXT NOT NULL,
    priority    INTEGER NOT NULL DEFAULT 5,
    status      TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed', 'blocked')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    error       TEXT,
    CHECK ((person_id IS NULL) <> (chat_id IS NULL))
);
INSERT INTO outbox_new (id, kind, dedup_key, person_id, payload, priority, status, attempts,
                        not_before, created_at, updated_at, error)
    SELECT id, kind, dedup_key, person_id, payload, priority, status, attempts, not_before,
           created_at, updated_at, error FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE UNIQUE INDEX ux_outbox_key ON outbox(dedup_key, COALESCE(person_id, 0), COALESCE(chat_id, 0));
CREATE INDEX ix_outbox_due ON outbox(status, priority, id);
