-- Where the off-host journal archive (archive/ArchiveShipper) has got to, per facility: the last segment written to
-- the target, the last journal seq in it and the hashes the next segment continues from. The target itself is the
-- truth (the shipper reads its last segment at start); this row is for the lag and a cross-check.
-- public_key: the archive's X25519 public key made at the first run when none is configured. Only the public half
-- is ever on the server; the private half was printed once for the hospital to keep offline.
CREATE TABLE archive_position (
    facility      VARCHAR(32)  NOT NULL PRIMARY KEY,
    segment       BIGINT       NOT NULL DEFAULT 0,
    last_seq      BIGINT       NOT NULL DEFAULT 0,
    segment_hash  CHAR(64) CHARACTER SET ascii NULL,
    chain_hash    CHAR(64) CHARACTER SET ascii NULL,
    shipped_at    TIMESTAMP(6) NULL,
    public_key    VARCHAR(64)  CHARACTER SET ascii NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
