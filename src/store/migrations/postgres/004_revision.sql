-- A number that changes with every write, for caches of derived data
-- (Store.revision). A sequence, not a counter row: writers never wait on it.
CREATE SEQUENCE store_revision;
