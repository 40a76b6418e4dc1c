-- An offline kiosk token whose number lies in the kiosk's own series but in no reserved block the server has on
-- record (the reservation rows were lost with a restored or replaced database) is merged all the same, and marked:
-- the series is the kiosk's alone, so the number cannot collide, and the patient already holds the slip.
ALTER TABLE token
    ADD COLUMN reservation_unknown BOOLEAN NOT NULL DEFAULT FALSE;

-- Offline kiosk tokens the merge refused for a real reason (another series, a number already merged, an unknown
-- service): each is a patient holding a printed slip that is in no queue, kept until a staff member has dealt
-- with it. One row per request: a kiosk sending the same outbox again adds nothing.
CREATE TABLE offline_refusal (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility        VARCHAR(32)  NOT NULL,
    device_code     VARCHAR(16)  NOT NULL,
    request_id      CHAR(36)     NOT NULL,
    service_code    VARCHAR(16)  NOT NULL,
    offline_number  VARCHAR(24)  NOT NULL,
    priority        VARCHAR(24)  NULL,
    reason          VARCHAR(500) NOT NULL,
    issued_at       TIMESTAMP(6) NOT NULL,
    received_at     TIMESTAMP(6) NOT NULL,
    acknowledged_by VARCHAR(64)  NULL,
    acknowledged_at TIMESTAMP(6) NULL,
    CONSTRAINT uk_offline_refusal UNIQUE (facility, request_id),
    INDEX ix_offline_refusal_open (facility, acknowledged_at, service_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
