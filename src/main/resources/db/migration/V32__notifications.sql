-- Issue 17 (notifications). The patient's consent to be messaged on the mobile number they gave, and the language
-- they took the token in; both also in the journal's patient JSON, so a restored day keeps them.
ALTER TABLE token
    ADD COLUMN notify_consent  BOOLEAN    NOT NULL DEFAULT FALSE,
    ADD COLUMN notify_language VARCHAR(2) NULL;

-- How many places ahead a patient is told their turn nears, per service (0 = never); a service without a row goes
-- by opd.notify.places-ahead.
CREATE TABLE notify_places (
    service_id   BIGINT      NOT NULL PRIMARY KEY,
    facility     VARCHAR(32) NOT NULL,
    places_ahead INT         NOT NULL,
    CONSTRAINT fk_notify_places_service FOREIGN KEY (service_id) REFERENCES service_point (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Webhook receivers the hospital plugged in (its SMS or WhatsApp provider). The secret signs each body; it is
-- shown once, when the endpoint is added.
CREATE TABLE notify_endpoint (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility   VARCHAR(32)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    url        VARCHAR(500) NOT NULL,
    secret     VARCHAR(100) NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_notify_endpoint_name UNIQUE (facility, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One message about one event of one token to one target (SMS, or WEBHOOK:<endpoint id>). The unique key is what
-- makes "never twice for one event" hold across servers and restarts: the row is inserted before anything is sent,
-- and a second insert of the same event is ignored.
CREATE TABLE notify_delivery (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility         VARCHAR(32)  NOT NULL,
    token_id         BIGINT       NOT NULL,
    event            VARCHAR(16)  NOT NULL,
    target           VARCHAR(40)  NOT NULL,
    journal_seq      BIGINT       NOT NULL,
    body             TEXT         NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    created_at       TIMESTAMP(6) NOT NULL,
    next_attempt_at  TIMESTAMP(6) NOT NULL,
    last_attempt_at  TIMESTAMP(6) NULL,
    last_status_code INT          NULL,
    last_error       VARCHAR(500) NULL,
    sent_at          TIMESTAMP(6) NULL,
    replayed_by      VARCHAR(64)  NULL,
    CONSTRAINT uk_notify_delivery UNIQUE (facility, token_id, event, target),
    INDEX ix_notify_delivery_due (facility, status, next_attempt_at),
    INDEX ix_notify_delivery_recent (facility, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How far the journal has been read for notifications, shared by every server of the hospital.
CREATE TABLE notify_cursor (
    facility VARCHAR(32) NOT NULL PRIMARY KEY,
    seq      BIGINT      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
