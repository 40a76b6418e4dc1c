-- Each period in paper-token (DEGRADED) mode: when, why as far as known. Tokens issued during it are counted
-- from the token table by issue time and channel.
CREATE TABLE outage (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility    VARCHAR(32)   NOT NULL,
    started_at  TIMESTAMP(6)  NOT NULL,
    ended_at    TIMESTAMP(6)  NOT NULL,
    cause       VARCHAR(500)  NULL,
    relayed_calls INT         NOT NULL DEFAULT 0,
    CONSTRAINT uk_outage_start UNIQUE (facility, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
