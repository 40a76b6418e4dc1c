-- How many wait in each service's queue on a day, by lane, kept in step with the tokens by the journal
-- (journal/WaitingCounts): every token change is journaled in its own transaction, and the journal adds or takes one
-- here in the same transaction. Issuing reads a new token's people ahead from this row instead of counting the
-- queue's rows, which grew with the queue (hundreds of rows read a token on a busy morning).
CREATE TABLE waiting_count (
    facility          VARCHAR(32) NOT NULL,
    service_id        BIGINT      NOT NULL,
    business_day      DATE        NOT NULL,
    priority_waiting  INT         NOT NULL DEFAULT 0,
    general_waiting   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (facility, business_day, service_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the queues as they stand at the upgrade
INSERT INTO waiting_count (facility, service_id, business_day, priority_waiting, general_waiting)
SELECT facility, service_id, business_day, SUM(is_priority), SUM(NOT is_priority)
FROM token WHERE status = 'WAITING' GROUP BY facility, business_day, service_id;
