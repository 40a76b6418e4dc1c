-- Every table carries the hospital (facility) code and every uniqueness rule includes it,
-- so one central database can hold many hospitals and a hospital's own server can replicate
-- to the centre without clashes.

CREATE TABLE service_point (
    id                      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility                VARCHAR(32)  NOT NULL,
    code                    VARCHAR(16)  NOT NULL,
    name_en                 VARCHAR(100) NOT NULL,
    name_hi                 VARCHAR(100) NOT NULL,
    token_prefix            VARCHAR(8)   NOT NULL,
    opens_at                TIME         NOT NULL DEFAULT '08:00:00',
    closes_at               TIME         NOT NULL DEFAULT '14:00:00',
    priority_interleave     INT          NOT NULL DEFAULT 2,
    default_service_seconds INT          NOT NULL DEFAULT 300,
    room_hint               VARCHAR(100) NULL,
    active                  BOOLEAN      NOT NULL DEFAULT TRUE,
    version                 BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_service_code   UNIQUE (facility, code),
    CONSTRAINT uk_service_prefix UNIQUE (facility, token_prefix)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Call-policy state of one service's queue: how many priority tokens were called in a row.
-- Locked by call-next so that concurrent counters take turns on one queue.
CREATE TABLE queue_state (
    service_id    BIGINT      NOT NULL PRIMARY KEY,
    facility      VARCHAR(32) NOT NULL,
    priority_run  INT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_queue_state_service FOREIGN KEY (service_id) REFERENCES service_point (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE priority_category (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility    VARCHAR(32)  NOT NULL,
    code        VARCHAR(24)  NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    name_hi     VARCHAR(100) NOT NULL,
    priority    BOOLEAN      NOT NULL,
    sort_order  INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_priority_code UNIQUE (facility, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE counter (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility    VARCHAR(32)  NOT NULL,
    code        VARCHAR(16)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    state       VARCHAR(16)  NOT NULL DEFAULT 'CLOSED',
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_counter_code UNIQUE (facility, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE counter_service (
    counter_id  BIGINT      NOT NULL,
    service_id  BIGINT      NOT NULL,
    facility    VARCHAR(32) NOT NULL,
    PRIMARY KEY (counter_id, service_id),
    CONSTRAINT fk_counter_service_counter FOREIGN KEY (counter_id) REFERENCES counter (id),
    CONSTRAINT fk_counter_service_service FOREIGN KEY (service_id) REFERENCES service_point (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Gap-free numbering: one row per hospital, business day and service, bumped under its row lock
-- in the same transaction as the token insert, so a rolled-back issue leaves no gap.
CREATE TABLE token_number_sequence (
    facility      VARCHAR(32) NOT NULL,
    business_day  DATE        NOT NULL,
    service_id    BIGINT      NOT NULL,
    last_number   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (facility, business_day, service_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE token (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility          VARCHAR(32)  NOT NULL,
    public_code       VARCHAR(32)  NOT NULL,
    business_day      DATE         NOT NULL,
    number_service_id BIGINT       NOT NULL, -- the service that gave the number; a transfer keeps it
    number_series     VARCHAR(8)   NOT NULL DEFAULT '', -- '' online; a device or paper-book series offline
    number            INT          NOT NULL,
    display_number    VARCHAR(24)  NOT NULL,
    service_id        BIGINT       NOT NULL, -- the queue the token is in now
    priority          VARCHAR(24)  NOT NULL,
    is_priority       BOOLEAN      NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    issued_at         TIMESTAMP(6) NOT NULL,
    queued_at         TIMESTAMP(6) NOT NULL, -- call order within a class; moved by requeue and transfer
    called_at         TIMESTAMP(6) NULL,
    started_at        TIMESTAMP(6) NULL,
    completed_at      TIMESTAMP(6) NULL,
    counter_id        BIGINT       NULL,
    call_count        INT          NOT NULL DEFAULT 0,
    patient_name      VARCHAR(100) NULL,
    patient_age       INT          NULL,
    patient_sex       VARCHAR(8)   NULL,
    patient_mobile    VARCHAR(10)  NULL,
    patient_abha      VARCHAR(14)  NULL,
    patient_uhid      VARCHAR(30)  NULL,
    degraded          BOOLEAN      NOT NULL DEFAULT FALSE,
    device_id         VARCHAR(64)  NULL,
    device_time       TIMESTAMP(6) NULL,
    received_at       TIMESTAMP(6) NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_token_number UNIQUE (facility, business_day, number_service_id, number_series, number),
    CONSTRAINT uk_token_public_code UNIQUE (facility, public_code),
    CONSTRAINT fk_token_service FOREIGN KEY (service_id) REFERENCES service_point (id),
    CONSTRAINT fk_token_number_service FOREIGN KEY (number_service_id) REFERENCES service_point (id),
    CONSTRAINT fk_token_counter FOREIGN KEY (counter_id) REFERENCES counter (id),
    INDEX ix_token_queue (facility, service_id, business_day, status, is_priority, queued_at, id),
    INDEX ix_token_counter (facility, counter_id, status),
    INDEX ix_token_display (facility, business_day, display_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A client-made request id is written in the same transaction as what it made; the unique key
-- decides which of two concurrent identical requests wins.
CREATE TABLE idempotency_key (
    facility     VARCHAR(32)  NOT NULL,
    request_id   CHAR(36)     NOT NULL,
    body_hash    CHAR(64)     NOT NULL,
    token_id     BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (facility, request_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: rows are inserted, never updated or deleted. seq is facility-wide increasing.
CREATE TABLE journal_entry (
    seq             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility        VARCHAR(32)  NOT NULL,
    type            VARCHAR(24)  NOT NULL,
    occurred_at     TIMESTAMP(6) NOT NULL,
    business_day    DATE         NOT NULL,
    token_id        BIGINT       NULL,
    display_number  VARCHAR(24)  NULL,
    service_id      BIGINT       NULL,
    from_service_id BIGINT       NULL,
    counter_id      BIGINT       NULL,
    actor           VARCHAR(64)  NULL,
    detail          VARCHAR(255) NULL,
    degraded        BOOLEAN      NOT NULL DEFAULT FALSE,
    device_id       VARCHAR(64)  NULL,
    device_time     TIMESTAMP(6) NULL,
    INDEX ix_journal_facility_seq (facility, seq),
    INDEX ix_journal_token (facility, token_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
