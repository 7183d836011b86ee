-- Each person's state of each task. The history of an item lives in audit_log
-- (subject 'task:<person_id>:<task>', detail {from, to, reason}).
CREATE TABLE task_states (
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    task        TEXT NOT NULL,
    state       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (person_id, task)
);
CREATE INDEX ix_task_states_state ON task_states(task, state);
