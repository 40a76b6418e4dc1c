-- Kiosks get a revocable credential (only its SHA-256 is kept) and a number series of their own: a letter in
-- the token number (MED-K007) that no other kiosk and no online number uses.
ALTER TABLE device
    ADD COLUMN number_series VARCHAR(2) NULL,
    ADD COLUMN secret_hash   CHAR(64)   NULL,
    ADD CONSTRAINT uk_device_series UNIQUE (facility, number_series);

-- Blocks of numbers granted to a kiosk in advance, per service and business day, to issue while offline.
CREATE TABLE offline_reserve (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility      VARCHAR(32)  NOT NULL,
    device_id     BIGINT       NOT NULL,
    service_id    BIGINT       NOT NULL,
    business_day  DATE         NOT NULL,
    number_series VARCHAR(2)   NOT NULL,
    first_number  INT          NOT NULL,
    last_number   INT          NOT NULL,
    granted_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_offline_reserve UNIQUE (facility, business_day, service_id, number_series, first_number),
    CONSTRAINT fk_offline_reserve_device FOREIGN KEY (device_id) REFERENCES device (id),
    CONSTRAINT fk_offline_reserve_service FOREIGN KEY (service_id) REFERENCES service_point (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
