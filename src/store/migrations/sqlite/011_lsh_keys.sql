-- Near-duplicate lookup by integer keys: each MinHash LSH band of a
-- document is one row (band × 2^32 + band hash, document rowid), about 12
-- bytes where document_bands took about 30 (two integers and the text id),
-- and checked against the documents' integer key instead of their text ids.
-- A document's 16 bands still land on 16 places of the index (they are
-- hashes), but a smaller index keeps more of them in the cache.
CREATE TABLE document_lsh (
  key INTEGER NOT NULL,
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  PRIMARY KEY (key, doc)
) WITHOUT ROWID;

INSERT INTO document_lsh (key, doc)
  SELECT b.band * 4294967296 + b.hash, d.rowid FROM document_bands b JOIN documents d ON d.id = b.document_id ORDER BY 1, 2;
DROP TABLE document_bands;
