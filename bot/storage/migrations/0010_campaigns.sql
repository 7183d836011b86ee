-- Campaigns: the year's tasks and deadlines as a file the Sở loads (docs/campaign.md).
-- One row per load; the active one is what the bot runs. Earlier loads stay as history.
CREATE TABLE campaigns (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    text        TEXT NOT NULL,           -- the file as loaded
    loaded_at   TEXT NOT NULL,
    loaded_by   TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_campaigns_active ON campaigns(active);
-- Every task code ever loaded. A task the new campaign drops is archived (retired_at set):
-- its states stay in task_states and come back if a later campaign brings the code back.
CREATE TABLE campaign_tasks (
    code        TEXT PRIMARY KEY,
    header      TEXT NOT NULL,
    label       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    campaign_id INTEGER REFERENCES campaigns(id),
    retired_at  TEXT
);
-- A deadline that came from a campaign file: "<campaign>/<key>"; NULL when the Sở added it.
ALTER TABLE deadlines ADD COLUMN campaign_key TEXT;
UPDATE deadlines SET campaign_key = 'binh_phuoc/core_review'
    WHERE audience = 'core' AND day = 28 AND month = 2 AND year IS NULL AND campaign_key IS NULL
      AND id = (SELECT MIN(id) FROM deadlines WHERE audience = 'core');
UPDATE deadlines SET campaign_key = 'binh_phuoc/staff_finish'
    WHERE audience = 'staff' AND day = 30 AND month = 3 AND year IS NULL AND campaign_key IS NULL
      AND id = (SELECT MIN(id) FROM deadlines WHERE audience = 'staff');
