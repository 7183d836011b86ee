-- Questions the engine could not answer, to grow the knowledge base. No phone, no user id:
-- only the text, when, and the asker's role (or 'guest').
CREATE TABLE unanswered_questions (
    id        INTEGER PRIMARY KEY,
    asked_at  TEXT NOT NULL,
    role      TEXT NOT NULL,
    text      TEXT NOT NULL,
    text_key  TEXT NOT NULL
);
CREATE INDEX ix_unanswered_key ON unanswered_questions(text_key);
