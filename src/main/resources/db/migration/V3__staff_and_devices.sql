-- Staff who log in to the console and the admin pages. The password is kept only as a bcrypt hash.
CREATE TABLE staff_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility       VARCHAR(32)  NOT NULL,
    username       VARCHAR(32)  NOT NULL,
    full_name      VARCHAR(100) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP(6) NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_staff_username UNIQUE (facility, username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Kiosks and display-board PCs the hospital has enrolled; credentials come with a later migration.
CREATE TABLE device (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility  VARCHAR(32)  NOT NULL,
    code      VARCHAR(16)  NOT NULL,
    name      VARCHAR(100) NOT NULL,
    kind      VARCHAR(8)   NOT NULL,
    active    BOOLEAN      NOT NULL DEFAULT TRUE,
    version   BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_device_code UNIQUE (facility, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
