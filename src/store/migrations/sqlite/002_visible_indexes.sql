-- Event lists hide rejected events by default. Partial indexes over the
-- visible events let those queries filter, sort and count from the index
-- alone, without visiting each row to check its review state.
DROP INDEX events_date;
DROP INDEX events_type_date;
DROP INDEX events_subtype_date;
DROP INDEX events_country_date;
DROP INDEX events_admin1_date;
DROP INDEX events_fatalities;
DROP INDEX events_confidence;

CREATE INDEX events_visible_date ON events(event_date) WHERE review_state != 'rejected';
CREATE INDEX events_visible_type ON events(event_type, event_date) WHERE review_state != 'rejected';
CREATE INDEX events_visible_subtype ON events(sub_event_type, event_date) WHERE review_state != 'rejected';
CREATE INDEX events_visible_country ON events(country, event_date) WHERE review_state != 'rejected';
CREATE INDEX events_visible_admin1 ON events(admin1, event_date) WHERE review_state != 'rejected';
CREATE INDEX events_visible_fatalities ON events(fatalities_low) WHERE review_state != 'rejected';
CREATE INDEX events_visible_confidence ON events(confidence) WHERE review_state != 'rejected';
