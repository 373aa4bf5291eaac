-- A counter bumped by every write transaction, so readers that cache
-- something derived from the store (the derived picture) know when to recompute.
CREATE TABLE store_revision (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
);
INSERT INTO store_revision (id, n) VALUES (1, 0);
