-- The wait told at issue (token.estimated_wait_at_issue, minutes) kept in the ISSUED entry too, so a day rebuilt from
-- the journal (recovery/DayRebuild) still has it and the estimate-accuracy report is not empty after a restore.
-- NULL where nothing was told (offline and paper tokens) and on every older row: the content hash covers this column
-- only when it is set, so the stored hashes of older rows still verify.
ALTER TABLE journal_entry ADD COLUMN estimated_wait_at_issue INT NULL;
