-- Letters the Sở loaded (issue 12): their text as extracted, and what was read from it (or
-- set by the admin). Passages are cut again from the text at start-up, so a better cutter
-- needs no data migration. (First shipped as 0008, which 0008_pending_inputs also took: IF NOT
-- EXISTS lets a database that ran it as 0008 pass.)
CREATE TABLE IF NOT EXISTS letters (
    id        INTEGER PRIMARY KEY,
    number    TEXT NOT NULL,
    date      TEXT NOT NULL,
    issuer    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    filename  TEXT NOT NULL,
    body      TEXT NOT NULL,
    added_by  TEXT NOT NULL,
    added_at  TEXT NOT NULL
);
