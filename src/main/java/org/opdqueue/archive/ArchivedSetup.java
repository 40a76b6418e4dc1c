package org.opdqueue.archive;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.opdqueue.setup.SetupDocument;

/**
 * A set-up file of the archive ({@code setup-<seq>.json}): the set-up export as of journal entry {@code seq} (device
 * keys as hashes only), the database ids of its entries (the journal names services, counters and devices by id),
 * and the staff's password hashes, encrypted like patient details so that a copy of the archive gives nobody
 * something to guess passwords against.
 *
 * @param contentHash SHA-256 of the ids, set-up and password hashes: the shipper writes a new file when it changes
 * @param ids table -> (code or user name -> id)
 * @param passwords username -> bcrypt hash, as JSON, sealed to the archive's public key
 */
@JsonPropertyOrder({ "format", "facility", "seq", "contentHash", "keyFingerprint", "ephemeralKey", "ids", "setup",
        "passwords" })
public record ArchivedSetup(int format, String facility, long seq, String contentHash, String keyFingerprint,
        String ephemeralKey,
        Map<String, Map<String, Long>> ids, SetupDocument setup, String passwords) {

    static final int FORMAT = 1;

    public static String fileName(long seq) {
        return String.format("setup-%012d.json", seq);
    }
}
