-- Issue 17: ABDM Scan & Share. A patient scans a counter's QR code with an ABHA app; the ABDM gateway posts the
-- profile to us and we answer with a token number (on-share).
-- abdm_settings: one row per hospital, made by the admin page (never by the demo seed), so a fresh production
-- database works: no row is "Scan & Share off". client_secret_sealed is AES-GCM under a key derived from the staff
-- session key, never shown back.
CREATE TABLE abdm_settings (
    facility             VARCHAR(16)  NOT NULL PRIMARY KEY,
    enabled              BOOLEAN      NOT NULL DEFAULT FALSE,
    environment          VARCHAR(16)  NOT NULL,
    sandbox_url          VARCHAR(200) NOT NULL,
    production_url       VARCHAR(200) NOT NULL,
    jwks_url             VARCHAR(300) NULL,
    hip_id               VARCHAR(64)  NULL,
    client_id            VARCHAR(100) NULL,
    client_secret_sealed VARCHAR(400) NULL,
    updated_at           TIMESTAMP(6) NULL,
    updated_by           VARCHAR(64)  NULL
);

-- abdm_share: each profile share the gateway delivered, by its REQUEST-ID (a redelivery finds it), with the token
-- it got. A rescan of the same ABHA address for the same service within 30 minutes is answered with the same token
-- (ix_abdm_share_rescan finds it). The ABHA address lives here: the token row has no column for it.
CREATE TABLE abdm_share (
    facility      VARCHAR(16)  NOT NULL,
    request_id    VARCHAR(64)  NOT NULL,
    abha_address  VARCHAR(100) NOT NULL,
    context       VARCHAR(64)  NOT NULL,
    service_id    BIGINT       NOT NULL,
    token_id      BIGINT       NOT NULL,
    shared_at     TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (facility, request_id),
    KEY ix_abdm_share_rescan (facility, abha_address, service_id, shared_at)
);

-- abdm_callback: the on-share answers still to deliver (an outbox): a restart loses none. A node claims a row
-- (claimed_until) before sending, so two nodes never send one twice at once; delivered_at is set on a 2xx.
CREATE TABLE abdm_callback (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility        VARCHAR(16)  NOT NULL,
    share_request   VARCHAR(64)  NOT NULL,
    request_id      VARCHAR(64)  NOT NULL,
    body            TEXT         NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    claimed_until   TIMESTAMP(6) NULL,
    delivered_at    TIMESTAMP(6) NULL,
    last_error      VARCHAR(300) NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    UNIQUE KEY uq_abdm_callback_share (facility, share_request),
    KEY ix_abdm_callback_due (delivered_at, next_attempt_at)
);
