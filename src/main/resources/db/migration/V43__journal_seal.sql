-- The chain hashes move out of journal_entry into a narrow table of their own, written once and never changed.
-- The sealer used to UPDATE every journal row once, shortly after its insert: the whole row rewritten, its
-- undo kept and its full before and after images in the binary log, for one 64-character value. An INSERT of
-- (seq, chain_hash) does the same work for a fraction of it, and the app's database user now only ever adds to and
-- reads the journal: deploy/create-database.sh no longer grants it UPDATE of any journal column.
CREATE TABLE journal_seal (
    seq        BIGINT NOT NULL PRIMARY KEY,
    chain_hash CHAR(64) CHARACTER SET ascii NOT NULL
) ENGINE = InnoDB;

INSERT INTO journal_seal (seq, chain_hash)
SELECT seq, chain_hash FROM journal_entry WHERE chain_hash IS NOT NULL;

ALTER TABLE journal_entry DROP COLUMN chain_hash;
