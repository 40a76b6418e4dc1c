-- Paper token books: ranges of numbers in the paper series (MED-P0001), reserved per service by an admin and printed
-- ahead of an outage. Paper numbers never restart: a slip may be used on any day, and at most once ever.

-- The next free paper number of each service, bumped under its row lock, so two books never overlap.
CREATE TABLE paper_number_sequence (
    facility     VARCHAR(32) NOT NULL,
    service_id   BIGINT      NOT NULL,
    last_number  INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (facility, service_id),
    CONSTRAINT fk_paper_sequence_service FOREIGN KEY (service_id) REFERENCES service_point (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE paper_book (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility      VARCHAR(32)  NOT NULL,
    service_id    BIGINT       NOT NULL,
    first_number  INT          NOT NULL,
    last_number   INT          NOT NULL,
    reserved_by   VARCHAR(64)  NOT NULL,
    reserved_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_paper_book_first UNIQUE (facility, service_id, first_number),
    CONSTRAINT uk_paper_book_last UNIQUE (facility, service_id, last_number),
    CONSTRAINT ck_paper_book_range CHECK (first_number >= 1 AND last_number >= first_number),
    CONSTRAINT fk_paper_book_service FOREIGN KEY (service_id) REFERENCES service_point (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What became of a slip: back-entered as a token, or voided (spoiled). One row per slip ever: the unique key decides
-- which of two clerks entering the same slip at once makes the token; the other is told it is a duplicate.
CREATE TABLE paper_slip (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility     VARCHAR(32)  NOT NULL,
    book_id      BIGINT       NOT NULL,
    service_id   BIGINT       NOT NULL,
    number       INT          NOT NULL,
    outcome      VARCHAR(8)   NOT NULL,
    token_id     BIGINT       NULL,
    recorded_by  VARCHAR(64)  NOT NULL,
    recorded_at  TIMESTAMP(6) NOT NULL,
    request_id   CHAR(36)     NULL,
    reason       VARCHAR(200) NULL,
    CONSTRAINT uk_paper_slip_number UNIQUE (facility, service_id, number),
    CONSTRAINT fk_paper_slip_book FOREIGN KEY (book_id) REFERENCES paper_book (id),
    CONSTRAINT fk_paper_slip_token FOREIGN KEY (token_id) REFERENCES token (id),
    INDEX ix_paper_slip_book (facility, book_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The letter P is the paper series: no kiosk may ever hold a series starting with it. A kiosk that got one before
-- this migration loses its series and credential and is enrolled again by the admin (it then gets another letter).
UPDATE device SET number_series = NULL, secret_hash = NULL WHERE number_series LIKE 'P%';
ALTER TABLE device
    ADD CONSTRAINT ck_device_series_not_paper CHECK (number_series IS NULL OR number_series NOT LIKE 'P%');
