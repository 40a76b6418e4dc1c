-- A counter's state as a report day began is its last state change before the day. Without this index MariaDB reads
-- every counter change of the hospital before that day to find it (ix_journal_type_day has no counter): on a year's
-- journal (13.6 M entries) 42,849 pages and 54 ms warm for the twelve counters, against 3,777 pages and 3.5 ms with it;
-- cold, under load, the read without it ran past the connection's 3 s socket timeout. Building it on such a journal takes
-- a minute or more: migrations run without the socket timeout (common/MigrationsWithoutTimeout).
CREATE INDEX ix_journal_counter_state ON journal_entry (facility, type, counter_id, business_day);
