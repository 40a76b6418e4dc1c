-- The wait the patient was told when the token was issued (minutes, as on the slip and the answer), so the
-- estimate's accuracy can be reported. NULL for tokens issued offline or on paper, and for those issued before.
ALTER TABLE token ADD COLUMN estimated_wait_at_issue INT NULL;
