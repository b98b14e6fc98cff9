-- One row per address: the primary key is what makes "never one address for two clients" hold at rest.
CREATE TABLE leases (
    address     TEXT    NOT NULL PRIMARY KEY,
    mac         TEXT    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('BOUND', 'RELEASED', 'DECLINED')),
    starts_at   INTEGER NOT NULL,   -- epoch milliseconds
    expires_at  INTEGER NOT NULL,   -- epoch milliseconds
    hostname    TEXT,
    client_id   TEXT
);
CREATE INDEX leases_by_mac ON leases (mac);

-- Everything the protocol front ends saw, per client: the material of timelines and diagnosis.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,   -- epoch milliseconds
    mac         TEXT,
    source      TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    details     TEXT    NOT NULL    -- flat JSON object of strings
);
CREATE INDEX events_by_mac ON events (mac, at);
CREATE INDEX events_by_time ON events (at);
