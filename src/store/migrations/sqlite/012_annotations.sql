-- A document's sentence bounds and mention spans are read only whole, with
-- the document: they move from a row each (spans and sentences, about a
-- hundred B-tree rows a document, scattered by their text keys) to one row
-- a document, JSON arrays keyed by the document's rowid, which a new
-- document appends at the end of the table.
--   sentences: [[start, end], ...] in order
--   spans: [[kind, start, end, label, sentence], ...], one per (kind, start, end)
CREATE TABLE document_annotations (
  doc       INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
  sentences TEXT NOT NULL,
  spans     TEXT NOT NULL
);

INSERT INTO document_annotations (doc, sentences, spans)
  SELECT d.rowid,
    coalesce((SELECT json_group_array(json_array(s.start, s."end")) FROM (SELECT start, "end" FROM sentences WHERE document_id = d.id ORDER BY idx) s), '[]'),
    coalesce((SELECT json_group_array(json_array(p.kind, p.start, p."end", p.label, p.sentence)) FROM (SELECT * FROM spans WHERE document_id = d.id ORDER BY start, "end", kind) p), '[]')
  FROM documents d
  WHERE EXISTS (SELECT 1 FROM sentences WHERE document_id = d.id) OR EXISTS (SELECT 1 FROM spans WHERE document_id = d.id)
  ORDER BY d.rowid;
DROP TABLE sentences;
DROP TABLE spans;

-- the tables as readers knew them
CREATE VIEW sentences (document_id, idx, start, "end") AS
  SELECT d.id, CAST(s.key AS INTEGER), s.value ->> 0, s.value ->> 1 FROM document_annotations a JOIN documents d ON d.rowid = a.doc, json_each(a.sentences) s;
CREATE VIEW spans (document_id, kind, start, "end", label, sentence) AS
  SELECT d.id, s.value ->> 0, s.value ->> 1, s.value ->> 2, s.value ->> 3, s.value ->> 4 FROM document_annotations a JOIN documents d ON d.rowid = a.doc, json_each(a.spans) s;
