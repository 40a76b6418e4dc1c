-- A counter's state as a report day began is its last state change before the day. Without this index MariaDB reads
-- every counter change of the hospital before that day to find it (ix_journal_type_day has no counter), which on a
-- year's journal took longer than the connection's 3 s socket timeout and put the server in paper-token mode.
CREATE INDEX ix_journal_counter_state ON journal_entry (facility, type, counter_id, business_day);
