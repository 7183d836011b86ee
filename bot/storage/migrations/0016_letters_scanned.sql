-- Letters read from a scan by OCR (issue 22): every quote from one says so, so a teacher
-- checks a critical date against the original.
ALTER TABLE letters ADD COLUMN scanned INTEGER NOT NULL DEFAULT 0;
