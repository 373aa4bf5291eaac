-- Each event's search entry also holds a token for its fatalities_low: 'xf'
-- and the figure (a whole number, 0 or more), 'xfn' when it has none. The
-- matches of a word with one figure are then one intersection of the index's
-- lists, so a search sorted by fatalities reads the matches of the highest
-- figures (or the lowest, ascending) until the page is full instead of
-- sorting every match (read.ts figurePage).
--
-- The index is contentless: every entry is rebuilt from the records, as
-- migration 007 did, with the new tokens.
DROP VIEW event_facets;
CREATE VIEW event_facets (rowid, tokens) AS
  SELECT rowid, concat_ws(' ', '',
    CASE WHEN country IS NOT NULL THEN 'xc' || hex(lower(country)) END, CASE WHEN admin1 IS NOT NULL THEN 'xa' || hex(lower(admin1)) END,
    'xt' || hex(lower(event_type)), 'xs' || hex(lower(sub_event_type)),
    CASE WHEN fatalities_low IS NULL THEN 'xfn' WHEN typeof(fatalities_low) = 'integer' AND fatalities_low >= 0 THEN 'xf' || fatalities_low END)
  FROM events;

DROP TABLE events_search;
CREATE VIRTUAL TABLE events_search USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
INSERT INTO events_search (rowid, text)
  SELECT k.key, concat_ws(' ', r.record ->> '$.notes', r.record ->> '$.actor1.name', r.record ->> '$.actor1.text',
    r.record ->> '$.actor2.name', r.record ->> '$.actor2.text',
    (SELECT group_concat(a.value ->> '$.name', ' ') FROM json_each(r.record, '$.assoc_actors') a),
    r.record ->> '$.location.text', r.record ->> '$.location.name', r.record ->> '$.location.admin1', r.record ->> '$.location.country',
    r.record ->> '$.event_type', r.record ->> '$.sub_event_type',
    (SELECT group_concat(s.value ->> '$.sentence', ' ') FROM json_each(r.record, '$.sources') s)) || f.tokens
  FROM event_search_keys k JOIN event_records r ON r.rowid = k.event_rowid JOIN event_facets f ON f.rowid = k.event_rowid ORDER BY k.key;
-- one segment: a lookup of one event's words (a probe) then seeks once, not once per segment
INSERT INTO events_search (events_search) VALUES ('optimize');
