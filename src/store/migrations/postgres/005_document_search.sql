-- Full-text search over documents (GET /api/documents?q=), as the SQLite
-- engine's documents_fts: title and text, every word required.
ALTER TABLE documents ADD COLUMN search tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX documents_search ON documents USING gin(search);
