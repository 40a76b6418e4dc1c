-- The database server the application writes to, one row per hospital: "server_id@hostname:port" (MariaDB has no
-- server UUID; replication needs every server_id different, and the host tells two machines apart). When a replica is
-- promoted after the primary was lost, the first connection to it finds another server here and moves the day's
-- numbers past anything the old primary may have given that never reached the replica (failover/ServerChange).
CREATE TABLE database_server (
    facility         VARCHAR(32)     NOT NULL PRIMARY KEY,
    server_key       VARCHAR(200)    NOT NULL,
    seen_since       TIMESTAMP(6)    NOT NULL,
    previous_key     VARCHAR(200)    NULL,
    numbers_skipped  INT             NOT NULL DEFAULT 0,
    -- false between a change of server and its journal entry (written just after, or at the next start)
    journaled        BOOLEAN         NOT NULL DEFAULT TRUE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
