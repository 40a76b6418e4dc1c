-- Appointments booked elsewhere (the hospital's portal, ORS) and imported here, so the patient can check in at a
-- kiosk or a counter for a token. One row per appointment number; an import of the same number updates it.
CREATE TABLE appointment (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility           VARCHAR(32)  NOT NULL,
    appointment_number VARCHAR(64)  NOT NULL,
    service_id         BIGINT       NOT NULL,
    slot_start         DATETIME(6)  NOT NULL,
    business_day       DATE         NOT NULL, -- the slot's business day, for "today's appointments"
    patient_name       VARCHAR(100) NULL,
    patient_mobile     VARCHAR(10)  NULL,
    patient_ref        VARCHAR(100) NULL,     -- the booking system's patient id (FHIR reference or identifier)
    cancelled          BOOLEAN      NOT NULL DEFAULT FALSE,
    -- what a kiosk names a choice by when one mobile has several appointments: unguessable, unlike the id
    choice_code        VARCHAR(32)  NOT NULL,
    token_id           BIGINT       NULL,     -- set at check-in; checking in again answers this token
    checked_in_at      DATETIME(6)  NULL,
    late_walk_in       BOOLEAN      NOT NULL DEFAULT FALSE,
    imported_at        DATETIME(6)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_appointment_number UNIQUE (facility, appointment_number),
    CONSTRAINT uk_appointment_choice UNIQUE (choice_code),
    CONSTRAINT fk_appointment_service FOREIGN KEY (service_id) REFERENCES service_point (id),
    CONSTRAINT fk_appointment_token FOREIGN KEY (token_id) REFERENCES token (id),
    INDEX ix_appointment_mobile (facility, business_day, patient_mobile),
    INDEX ix_appointment_day (facility, business_day, service_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How early and how late a patient may check in for a slot of a service and keep the slot's place; without a row,
-- the defaults (opd.appointments.early-minutes, late-minutes) count.
CREATE TABLE appointment_window (
    service_id    BIGINT NOT NULL PRIMARY KEY,
    early_minutes INT    NOT NULL,
    late_minutes  INT    NOT NULL,
    version       BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_appointment_window_service FOREIGN KEY (service_id) REFERENCES service_point (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
