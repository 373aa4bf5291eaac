-- Searches fold accents, as the SQLite engine's `remove_diacritics 2` does:
-- "Qatana" finds "Qaṭanā". unaccent ships with PostgreSQL (Debian's
-- postgresql-NN package, formerly postgresql-contrib) and is a trusted
-- extension, so the database's owner may install it; where it cannot be
-- installed, search_fold returns text unchanged and searches stay exact.
-- search_fold calls unaccent by its schema, so it works whatever the search_path.
DO $$
DECLARE ns text;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
  EXCEPTION WHEN others THEN
    RAISE NOTICE 'unaccent is not available, searches will not fold accents: %', SQLERRM;
  END;
  SELECT n.nspname INTO ns FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname = 'unaccent';
  IF ns IS NULL THEN
    CREATE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS 'SELECT t';
  ELSE
    EXECUTE format('CREATE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS %L',
      format('SELECT %I.unaccent(%L::regdictionary, t)', ns, ns || '.unaccent'));
  END IF;
END $$;

-- The write path computes an event's tsvector with to_tsvector('simple', …):
-- its words are folded here, on the way in.
CREATE FUNCTION events_search_fold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := to_tsvector('simple', search_fold(array_to_string(tsvector_to_array(NEW.search), ' ')));
  RETURN NEW;
END $$;
CREATE TRIGGER events_search_fold BEFORE INSERT OR UPDATE OF search ON events
  FOR EACH ROW EXECUTE FUNCTION events_search_fold();
UPDATE events SET search = search;

ALTER TABLE documents DROP COLUMN search;
ALTER TABLE documents ADD COLUMN search tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', search_fold(coalesce(title, '') || ' ' || text))) STORED;
CREATE INDEX documents_search ON documents USING gin(search);
