-- What consumers read from an entry, as columns instead of text to parse: the counter state a change went from and
-- to, and whether the entry was written after an outage for what the boards already showed during it. detail stays
-- as human text. Existing rows are converted from the text they were written with ("CLOSED -> OPEN", "outage: …").
ALTER TABLE journal_entry
    ADD COLUMN counter_state_before VARCHAR(16) NULL,
    ADD COLUMN counter_state_after  VARCHAR(16) NULL,
    ADD COLUMN outage_replay        BOOLEAN     NOT NULL DEFAULT FALSE;

UPDATE journal_entry
   SET counter_state_before = SUBSTRING_INDEX(detail, ' -> ', 1),
       counter_state_after  = SUBSTRING_INDEX(detail, ' -> ', -1)
 WHERE type = 'COUNTER_STATE_CHANGED' AND detail LIKE '% -> %';

UPDATE journal_entry SET outage_replay = TRUE WHERE detail LIKE 'outage: %';
