-- Tamper evidence. content_hash is written with each entry (SHA-256 over its fields, by the application, so it
-- costs the issuing path no lock); chain_hash is filled in seq order shortly after commit by the sealer
-- (journal/JournalSealer): SHA-256 over the previous entry's chain hash, the seq and the content hash. Changing,
-- removing or slipping in a sealed entry breaks the chain from there on; GET /api/admin/journal/verify finds it.
-- Entries written before this migration have no content hash: they are sealed from their fields as they are.
ALTER TABLE journal_entry
    ADD COLUMN content_hash CHAR(64) CHARACTER SET ascii NULL,
    ADD COLUMN chain_hash   CHAR(64) CHARACTER SET ascii NULL;
