-- Events are written at DHCP rates (one per message seen), so every index and counter on the
-- insert path costs throughput. Pruning walks events in rowid (= arrival) order instead of an
-- index on time, and a plain rowid key replaces AUTOINCREMENT, which updated sqlite_sequence on
-- every insert.
CREATE TABLE events_v2 (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,   -- epoch milliseconds
    mac         TEXT,
    source      TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    details     TEXT    NOT NULL    -- flat JSON object of strings
);
INSERT INTO events_v2 (id, at, mac, source, type, details) SELECT id, at, mac, source, type, details FROM events;
DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;
CREATE INDEX events_by_mac ON events (mac, at);
