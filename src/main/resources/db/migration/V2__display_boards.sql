-- A display board stands in one waiting hall and shows some services and counters.
CREATE TABLE board (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility  VARCHAR(32)  NOT NULL,
    code      VARCHAR(16)  NOT NULL,
    name      VARCHAR(100) NOT NULL,
    name_hi   VARCHAR(100) NOT NULL,
    ticker    VARCHAR(500) NULL,
    active    BOOLEAN      NOT NULL DEFAULT TRUE,
    version   BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_board_code UNIQUE (facility, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE board_service (
    board_id   BIGINT      NOT NULL,
    service_id BIGINT      NOT NULL,
    facility   VARCHAR(32) NOT NULL,
    PRIMARY KEY (board_id, service_id),
    CONSTRAINT fk_board_service_board FOREIGN KEY (board_id) REFERENCES board (id),
    CONSTRAINT fk_board_service_service FOREIGN KEY (service_id) REFERENCES service_point (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE board_counter (
    board_id   BIGINT      NOT NULL,
    counter_id BIGINT      NOT NULL,
    facility   VARCHAR(32) NOT NULL,
    PRIMARY KEY (board_id, counter_id),
    CONSTRAINT fk_board_counter_board FOREIGN KEY (board_id) REFERENCES board (id),
    CONSTRAINT fk_board_counter_counter FOREIGN KEY (counter_id) REFERENCES counter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
