-- Several app nodes on one database (README, "Running more than one server").

-- A call made by number while the database was away, once it is in the journal. Every node that heard of the call
-- (the one that took it, and the others through Redis) keeps it until the database is back and writes it then: the
-- id the taking node gave it makes one of them win, whichever node is still alive.
CREATE TABLE relayed_call (
    facility    VARCHAR(32)   NOT NULL,
    call_id     CHAR(36)      NOT NULL,
    counter_id  BIGINT        NOT NULL,
    number      VARCHAR(24)   NOT NULL,
    called_at   TIMESTAMP(6)  NOT NULL,
    written_by  VARCHAR(64)   NOT NULL,
    PRIMARY KEY (facility, call_id),
    INDEX ix_relayed_call_time (facility, called_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One outage record for the hospital however many nodes saw it: the nodes that saw it, by name.
ALTER TABLE outage
    ADD COLUMN nodes VARCHAR(500) NULL;

-- One row per hospital, locked while a node records a database outage or writes relayed calls, so that two nodes
-- back at the same moment merge their observations into one record instead of writing two.
CREATE TABLE outage_writer (
    facility    VARCHAR(32)   NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- After a promotion of the replica (failover/ServerChange): blocks of kiosk offline numbers the old primary granted
-- in its last moments may not be on the replica, and a kiosk may hold them. The first block each kiosk is granted
-- that day after skipped_at starts that many numbers past the last one on record (offline/OfflineNumbers).
CREATE TABLE offline_series_skip (
    facility      VARCHAR(32)   NOT NULL,
    business_day  DATE          NOT NULL,
    skipped_at    TIMESTAMP(6)  NOT NULL,
    numbers       INT           NOT NULL,
    PRIMARY KEY (facility, business_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
