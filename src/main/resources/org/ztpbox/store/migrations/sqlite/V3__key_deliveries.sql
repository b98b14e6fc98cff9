-- Which configuration-file encryption key each phone holds: written when a phone has completely
-- fetched the file that carried the key. The key material stays in <state-dir>/keys; only its
-- name (KeyDesc) is here.
CREATE TABLE key_deliveries (
    mac           TEXT    NOT NULL PRIMARY KEY,
    key_name      TEXT    NOT NULL,
    delivered_at  INTEGER NOT NULL   -- epoch milliseconds
);
