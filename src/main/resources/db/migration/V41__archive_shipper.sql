-- Which node ships the journal archive when several share this database (archive/ShippingLock): the one holding the
-- named lock opd-archive:<facility> writes its name and since when here as it takes the lock, so that every node's
-- dashboard and /api/status can say which one it is.
ALTER TABLE archive_position
    ADD COLUMN shipper       VARCHAR(64)  NULL,
    ADD COLUMN shipper_since TIMESTAMP(6) NULL;
