-- sitrep schema v1 (SQLite). Text ids are the public ids; integer rowids
-- exist for FTS5 and R*Tree, which key on integers.

CREATE TABLE documents (
  rowid         INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  title         TEXT,
  source        TEXT,
  url           TEXT,
  canonical_url TEXT,
  published     TEXT,
  language      TEXT NOT NULL,
  text          TEXT NOT NULL,
  content_hash  TEXT NOT NULL UNIQUE,
  minhash       BLOB,
  warnings      TEXT NOT NULL DEFAULT '[]',
  ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_canonical_url ON documents(canonical_url);
CREATE INDEX documents_published ON documents(published);

-- Other places the same document was seen (another URL, a wire copy on another site).
CREATE TABLE document_copies (
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  canonical_url TEXT NOT NULL DEFAULT '',
  content_hash  TEXT NOT NULL,
  url           TEXT,
  source        TEXT,
  title         TEXT,
  published     TEXT,
  similarity    REAL NOT NULL,
  seen_at       TEXT NOT NULL,
  PRIMARY KEY (document_id, canonical_url, content_hash)
) WITHOUT ROWID;

-- MinHash LSH bands for near-duplicate lookup.
CREATE TABLE document_bands (
  band        INTEGER NOT NULL,
  hash        INTEGER NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band, hash, document_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');

CREATE TABLE sentences (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

-- Mentions found in a document: actor|place|time|quantity|source|trigger.
CREATE TABLE spans (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  label       TEXT,
  sentence    INTEGER,
  PRIMARY KEY (document_id, kind, start, "end")
) WITHOUT ROWID;

-- One claim = one event as one document reports it.
CREATE TABLE claims (
  id          TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  outlet      TEXT,
  claimed_by  TEXT,
  sentence    TEXT NOT NULL,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  record      TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX claims_document ON claims(document_id);

CREATE TABLE events (
  rowid           INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  event_date      TEXT,
  date_start      TEXT,
  date_end        TEXT,
  event_type      TEXT NOT NULL COLLATE NOCASE,
  sub_event_type  TEXT NOT NULL COLLATE NOCASE,
  country         TEXT COLLATE NOCASE,
  admin1          TEXT COLLATE NOCASE,
  actor1          TEXT,
  actor2          TEXT,
  lat             REAL,
  lon             REAL,
  fatalities_low  INTEGER,
  fatalities_best INTEGER,
  fatalities_high INTEGER,
  has_fatalities  INTEGER NOT NULL DEFAULT 0,
  confidence      REAL NOT NULL,
  review_state    TEXT NOT NULL DEFAULT 'unreviewed',
  source_count    INTEGER NOT NULL,
  document_ids    TEXT NOT NULL,
  record          TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_type_date ON events(event_type, event_date);
CREATE INDEX events_subtype_date ON events(sub_event_type, event_date);
CREATE INDEX events_country_date ON events(country, event_date);
CREATE INDEX events_admin1_date ON events(admin1, event_date);
CREATE INDEX events_fatalities ON events(fatalities_low);
CREATE INDEX events_confidence ON events(confidence);
CREATE INDEX events_review_date ON events(review_state, event_date);
CREATE INDEX events_block ON events(event_type, date_start);

CREATE TABLE event_actors (
  event_rowid INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  name        TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (name, event_rowid)
) WITHOUT ROWID;
CREATE INDEX event_actors_event ON event_actors(event_rowid);

CREATE VIRTUAL TABLE events_rtree USING rtree(rowid, min_lon, max_lon, min_lat, max_lat);
CREATE VIRTUAL TABLE events_fts USING fts5(text, content='', contentless_delete=1);

CREATE TABLE merges (
  id           INTEGER PRIMARY KEY,
  event_id     TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  merged_at    TEXT NOT NULL,
  claim_ids    TEXT NOT NULL,
  document_ids TEXT NOT NULL,
  features     TEXT NOT NULL,
  score        REAL NOT NULL,
  split_at     TEXT,
  split_into   TEXT
);
CREATE INDEX merges_event ON merges(event_id);

-- Which claims an event is made of; merge_id says which merge brought the claim in.
CREATE TABLE event_claims (
  claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
  -- deferred: a new event's row is derived from its links, so the links come first
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  merge_id INTEGER REFERENCES merges(id)
);
CREATE INDEX event_claims_event ON event_claims(event_id);

-- Reviewer corrections: applied on top of whatever the claims derive, every time.
CREATE TABLE corrections (
  id           INTEGER PRIMARY KEY,
  event_id     TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  field        TEXT,
  value        TEXT,
  review_state TEXT,
  note         TEXT,
  created_at   TEXT NOT NULL
);
CREATE INDEX corrections_event ON corrections(event_id);

-- Displacement and territorial-control records as extracted; event references
-- point to claims, resolved to the claims' current events when read.
CREATE TABLE records (
  id          TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  record      TEXT NOT NULL
);
CREATE INDEX records_kind ON records(kind);
