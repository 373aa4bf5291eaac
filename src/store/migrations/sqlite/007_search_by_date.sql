-- Event search in date order, with accents folded.
--
-- The full-text index is keyed by day × 2^32 + event rowid (the day is the
-- Julian day number of event_date, 0 when undated), so its order is the list's
-- default order, event_date then rowid: a search for a common word walks its
-- matches newest first and stops after a page, and a date range is a range
-- of keys. `remove_diacritics 2` folds every Latin diacritic, stacked ones
-- too ("Việt" finds "Viet", "Qaṭanā" finds "Qatana").
--
-- Each event's entry also holds a token for its country, admin1, type and
-- sub-type ('xc' etc. + hex of the ASCII-lowercased value, i.e. NOCASE
-- equality), so a search with those filters is one intersection of the
-- index's lists, counted and paged from the index alone.
--
-- The write path keeps writing `events_fts (rowid, text)` by event rowid:
-- events_fts is now a view whose triggers translate to keys, and
-- event_search_keys remembers each event's key, because the event's date may
-- have moved by the time its old entry is deleted.
CREATE VIRTUAL TABLE events_search USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE event_search_keys (
  event_rowid INTEGER PRIMARY KEY,
  key         INTEGER NOT NULL
);

CREATE VIEW event_facets (rowid, tokens) AS
  SELECT rowid, concat_ws(' ', '',
    CASE WHEN country IS NOT NULL THEN 'xc' || hex(lower(country)) END, CASE WHEN admin1 IS NOT NULL THEN 'xa' || hex(lower(admin1)) END,
    'xt' || hex(lower(event_type)), 'xs' || hex(lower(sub_event_type)))
  FROM events;

-- The old index is contentless: its words are rebuilt from the records, the
-- same fields rows.ts searchText joins.
INSERT INTO event_search_keys (event_rowid, key)
  SELECT rowid, coalesce(CAST(julianday(event_date) AS INTEGER), 0) * 4294967296 + rowid FROM events;
INSERT INTO events_search (rowid, text)
  SELECT k.key, concat_ws(' ', r.record ->> '$.notes', r.record ->> '$.actor1.name', r.record ->> '$.actor1.text',
    r.record ->> '$.actor2.name', r.record ->> '$.actor2.text',
    (SELECT group_concat(a.value ->> '$.name', ' ') FROM json_each(r.record, '$.assoc_actors') a),
    r.record ->> '$.location.text', r.record ->> '$.location.name', r.record ->> '$.location.admin1', r.record ->> '$.location.country',
    r.record ->> '$.event_type', r.record ->> '$.sub_event_type',
    (SELECT group_concat(s.value ->> '$.sentence', ' ') FROM json_each(r.record, '$.sources') s)) || f.tokens
  FROM event_search_keys k JOIN event_records r ON r.rowid = k.event_rowid JOIN event_facets f ON f.rowid = k.event_rowid ORDER BY k.key;
DROP TABLE events_fts;

CREATE VIEW events_fts (rowid, text, key) AS SELECT event_rowid, NULL, key FROM event_search_keys;
-- CAST: a rowid bound from JavaScript may arrive as a REAL, and REAL arithmetic
-- above 2^53 would lose the rowid's low bits.
CREATE TRIGGER events_fts_insert INSTEAD OF INSERT ON events_fts BEGIN
  DELETE FROM events_search WHERE rowid = (SELECT key FROM event_search_keys WHERE event_rowid = CAST(NEW.rowid AS INTEGER));
  INSERT OR REPLACE INTO event_search_keys (event_rowid, key)
    VALUES (CAST(NEW.rowid AS INTEGER), coalesce((SELECT CAST(julianday(event_date) AS INTEGER) FROM events WHERE rowid = CAST(NEW.rowid AS INTEGER)), 0) * 4294967296 + CAST(NEW.rowid AS INTEGER));
  INSERT INTO events_search (rowid, text)
    SELECT key, NEW.text || coalesce((SELECT tokens FROM event_facets WHERE rowid = CAST(NEW.rowid AS INTEGER)), '')
    FROM event_search_keys WHERE event_rowid = CAST(NEW.rowid AS INTEGER);
END;
CREATE TRIGGER events_fts_delete INSTEAD OF DELETE ON events_fts BEGIN
  DELETE FROM events_search WHERE rowid = OLD.key;
  DELETE FROM event_search_keys WHERE event_rowid = OLD.rowid;
END;
-- an event deleted by any path leaves no words behind
CREATE TRIGGER events_search_gone AFTER DELETE ON events BEGIN
  DELETE FROM events_search WHERE rowid = (SELECT key FROM event_search_keys WHERE event_rowid = OLD.rowid);
  DELETE FROM event_search_keys WHERE event_rowid = OLD.rowid;
END;

-- documents: the same folding of accents (an external-content index, rebuilt from its table)
DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
