-- Units (Sở → Phòng or xã/phường → school), people from the roster, Telegram accounts, audit.
CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('so', 'phong', 'school')),
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    level       TEXT CHECK (level IN ('TH', 'THCS', 'THPT', 'GDTX')),
    parent_id   INTEGER REFERENCES units(id)
);
CREATE UNIQUE INDEX ux_units_name ON units(kind, name_key, COALESCE(parent_id, 0));
CREATE INDEX ix_units_parent ON units(parent_id);

CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    full_name   TEXT NOT NULL,
    birth_date  TEXT,
    phone       TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL CHECK (role IN ('gv', 'ht', 'pht', 'phong', 'so')),
    level       TEXT CHECK (level IN ('TH', 'THCS', 'THPT', 'GDTX')),
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    is_core     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX ix_people_unit ON people(unit_id);

CREATE TABLE accounts (
    telegram_user_id INTEGER PRIMARY KEY,
    person_id        INTEGER UNIQUE REFERENCES people(id) ON DELETE SET NULL,
    language         TEXT NOT NULL DEFAULT 'vi',
    linked_at        TEXT,
    created_at       TEXT NOT NULL
);

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    subject  TEXT,
    detail   TEXT
);
CREATE INDEX ix_audit_subject ON audit_log(subject);
