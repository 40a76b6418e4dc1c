-- What was down: the database (paper-token mode, recorded when it is back) or the server itself (recorded from
-- its heartbeat when it runs again). Outages recorded before this were all of the database.
ALTER TABLE outage
    ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'DATABASE';

-- Each server process (node) says every few seconds that it is alive. At start, the time since its last beat is
-- how long it was not running; stopped says that the last beat was written by a clean shutdown. beat_at is always
-- written by the server; its default is only there so that MariaDB does not add ON UPDATE CURRENT_TIMESTAMP.
CREATE TABLE server_heartbeat (
    facility  VARCHAR(32)   NOT NULL,
    node      VARCHAR(64)   NOT NULL,
    beat_at   TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    stopped   BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (facility, node)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
