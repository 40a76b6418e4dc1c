-- Enough in each entry to rebuild the day from the journal alone (recovery/DayRebuild), in columns, not text.
-- An ISSUED entry holds everything the token was made with; every entry about a token holds the state the token is
-- in after it (status, queue, counter, times, calls). Services and counters are named by code, as the set-up file
-- names them, because a restored database gets its set-up from that file and may give them other ids.
-- patient is the patient's details as JSON: the off-host archive encrypts this column; boards never read it.
-- Older rows are left as they are (NULL): filling them in would change what their content hash covers.
ALTER TABLE journal_entry
    ADD COLUMN request_id          CHAR(36)     NULL,
    ADD COLUMN public_code         VARCHAR(32)  NULL,
    ADD COLUMN token_day           DATE         NULL,
    ADD COLUMN number_series       VARCHAR(8)   NULL,
    ADD COLUMN token_number        INT          NULL,
    ADD COLUMN priority            VARCHAR(24)  NULL,
    ADD COLUMN is_priority         BOOLEAN      NULL,
    ADD COLUMN channel             VARCHAR(16)  NULL,
    ADD COLUMN issued_at           TIMESTAMP(6) NULL,
    ADD COLUMN received_at         TIMESTAMP(6) NULL,
    ADD COLUMN offline_number      VARCHAR(24)  NULL,
    ADD COLUMN paper_book_id       BIGINT       NULL,
    ADD COLUMN reservation_unknown BOOLEAN      NULL,
    ADD COLUMN patient             TEXT         NULL,
    ADD COLUMN token_status        VARCHAR(16)  NULL,
    ADD COLUMN service_code        VARCHAR(16)  NULL,
    ADD COLUMN from_service_code   VARCHAR(16)  NULL,
    ADD COLUMN counter_code        VARCHAR(16)  NULL,
    ADD COLUMN token_counter_code  VARCHAR(16)  NULL,
    ADD COLUMN queued_at           TIMESTAMP(6) NULL,
    ADD COLUMN called_at           TIMESTAMP(6) NULL,
    ADD COLUMN started_at          TIMESTAMP(6) NULL,
    ADD COLUMN completed_at        TIMESTAMP(6) NULL,
    ADD COLUMN call_count          INT          NULL;
