-- The duplicate check looks a URL up among the copies too; their primary
-- key starts with the document, so that lookup read every copy.
CREATE INDEX document_copies_url ON document_copies(canonical_url);
