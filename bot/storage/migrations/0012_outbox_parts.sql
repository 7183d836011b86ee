-- A message longer than Telegram allows goes as several parts: how many of them Telegram has
-- accepted, so a retry or a restart sends only the rest (parts go in order).
ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
