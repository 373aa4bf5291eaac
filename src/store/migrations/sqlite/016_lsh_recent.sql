-- New documents' LSH keys go to a small table first and join document_lsh
-- together, in key order, every 2,048 documents (store/sqlite/lsh.ts). Keys are
-- hashes: written one document at a time into a large document_lsh, each
-- of a commit's keys dirtied a leaf page of its own (a commit of 64
-- documents rewrote ~900 of the index's pages at 50,000 documents: 0.25 ms
-- of CPU a document for these rows alone, 0.04 ms at 1,000). A small table
-- has few pages to dirty, and a large batch of sorted keys shares each page
-- of document_lsh among many. The duplicate check reads both tables.
CREATE TABLE document_lsh_recent (
  key INTEGER NOT NULL,
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  PRIMARY KEY (key, doc)
) WITHOUT ROWID;
