-- Letters (issue 20): a file is stored once (its SHA-256), and a number is never given twice.
-- SQLite hands a removed last letter's number to the next insert; the counter below does not
-- (AUTOINCREMENT would need the table rebuilt, and dropping it would cascade to
-- letter_answers). It starts above every number ever given, the audit log's included, so a
-- letter removed before this migration keeps its number too.
ALTER TABLE letters ADD COLUMN sha256 TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS letters_by_sha256 ON letters (sha256) WHERE sha256 IS NOT NULL;
CREATE TABLE letter_numbers (
    last INTEGER NOT NULL  -- the highest number ever given to a letter
);
INSERT INTO letter_numbers (last)
    SELECT MAX(n) FROM (
        SELECT COALESCE(MAX(id), 0) AS n FROM letters
        UNION ALL
        SELECT COALESCE(MAX(CAST(substr(subject, 8) AS INTEGER)), 0) FROM audit_log
        WHERE action IN ('letter.add', 'letter.remove') AND subject LIKE 'letter:%');
-- A deadline drafted from a letter cites it: the letter's number and the section it is in.
ALTER TABLE deadlines ADD COLUMN letter_id INTEGER;
ALTER TABLE deadlines ADD COLUMN letter_section TEXT;
