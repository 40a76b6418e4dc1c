-- What a counter console did while it could not reach the server (call, complete, no-show by number), each
-- replayed once: the action id the console made is the key, so an outbox sent again finds its earlier answers.
CREATE TABLE counter_offline_action (
    facility     VARCHAR(32)  NOT NULL,
    action_id    CHAR(36)     NOT NULL,
    counter_id   BIGINT       NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    number       VARCHAR(24)  NOT NULL,
    device_time  DATETIME(6)  NOT NULL,
    result       VARCHAR(16)  NOT NULL,
    reason       VARCHAR(255) NULL,
    token_id     BIGINT       NULL,
    actor        VARCHAR(64)  NULL,
    received_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (facility, action_id),
    CONSTRAINT fk_offline_action_counter FOREIGN KEY (counter_id) REFERENCES counter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
