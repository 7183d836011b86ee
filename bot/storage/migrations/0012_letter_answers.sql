-- Which letter answered a question, and when (issue 18): /congvan and `troly letters list`
-- show how many questions each letter answered in the last 7 days. No question text, no
-- asker: only the time and the letter.
CREATE TABLE IF NOT EXISTS letter_answers (
    id         INTEGER PRIMARY KEY,
    asked_at   TEXT NOT NULL,
    letter_id  INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS ix_letter_answers_letter ON letter_answers(letter_id, asked_at);
