-- country and admin1 filtered together (an admin1 name can recur in other countries).
CREATE INDEX events_visible_country_admin1 ON events(country, admin1, event_date) WHERE review_state != 'rejected';
