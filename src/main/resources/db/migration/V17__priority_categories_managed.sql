-- Priority categories are the hospital's own data, managed on an admin page: the icon the kiosk shows and
-- whether the category is still offered. A deactivated category stays, so tokens issued with it keep working.
ALTER TABLE priority_category
    ADD COLUMN icon    VARCHAR(32) NULL,
    ADD COLUMN active  BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN version BIGINT      NOT NULL DEFAULT 0;

UPDATE priority_category SET icon = code WHERE code IN ('GENERAL', 'SENIOR_CITIZEN', 'DIVYANG', 'PREGNANT');
