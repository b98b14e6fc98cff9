-- The phones the admin declared (ztpbox import). An import replaces every row in one transaction.
CREATE TABLE inventory (
    mac           TEXT    NOT NULL PRIMARY KEY,  -- 00:04:f2:aa:81:4c
    model         TEXT    NOT NULL,
    extension     TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    sip_user      TEXT    NOT NULL,
    sip_password  TEXT    NOT NULL,
    auth_domain   TEXT    NOT NULL,
    registrar     TEXT    NOT NULL,
    site          TEXT    NOT NULL,
    extra         TEXT    NOT NULL               -- flat JSON object of strings, in column order
);

-- One row. The generation advances with every import, in the import's transaction: a running
-- appliance polls it to see an import made by another process.
CREATE TABLE inventory_state (
    id           INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    generation   INTEGER NOT NULL,
    imported_at  INTEGER,                        -- epoch milliseconds
    source       TEXT
);
INSERT INTO inventory_state (id, generation) VALUES (1, 0);

-- What each phone was observed to be and do (DHCP option 60, User-Agent, files fetched), apart
-- from the inventory: phones without an inventory row are the unassigned ones.
CREATE TABLE phone_records (
    mac            TEXT    NOT NULL PRIMARY KEY,
    model          TEXT,
    part_number    TEXT,
    firmware       TEXT,
    boot_version   TEXT,
    stage          TEXT,
    last_address   TEXT,
    first_seen     INTEGER NOT NULL,             -- epoch milliseconds
    last_seen      INTEGER NOT NULL,
    last_seen_via  TEXT,
    last_file      TEXT,
    last_file_at   INTEGER
);
