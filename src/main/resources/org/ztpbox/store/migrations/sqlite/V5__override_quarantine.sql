-- Override files moved aside by `ztpbox prepare-reset`: who, when and why, where the files went,
-- and how the quarantine ended. Rows are never deleted: they are the record that the files exist.
CREATE TABLE override_quarantines (
    id          INTEGER PRIMARY KEY,
    mac         TEXT    NOT NULL,
    started_at  INTEGER NOT NULL,   -- epoch milliseconds
    started_by  TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    location    TEXT    NOT NULL,   -- directory of the moved files, relative to the state directory
    files       TEXT    NOT NULL,   -- the moved file names, one per line
    flagged     TEXT    NOT NULL,   -- parameters flagged in them when moved, one per line
    state       TEXT    NOT NULL CHECK (state IN ('ACTIVE', 'RELEASED', 'RESTORED')),
    ended_at    INTEGER,            -- epoch milliseconds
    ended_by    TEXT,
    end_reason  TEXT
);
CREATE INDEX override_quarantines_by_mac ON override_quarantines (mac, id);
-- One active quarantine per phone, whoever races to create it (the appliance and the command line).
CREATE UNIQUE INDEX override_quarantines_one_active ON override_quarantines (mac) WHERE state = 'ACTIVE';
