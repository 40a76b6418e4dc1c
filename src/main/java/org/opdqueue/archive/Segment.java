package org.opdqueue.archive;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opdqueue.common.Hashes;
import org.opdqueue.journal.JournalHashes;

/**
 * One archive segment: a header line, then one journal entry a line with every column of journal_entry and its
 * chain hash from journal_seal, in seq order. Segments are chained to each other (each header names the previous
 * segment's hash) and continue the journal's own hash chain (each entry's chain hash follows from the one before,
 * across segments). The columns that identify a patient are taken out of the line and kept encrypted in its
 * {@code sealed} field ({@link SegmentCipher}).
 */
public record Segment(Header header, List<ObjectNode> entries) {

    /** Columns that name or describe a patient: never written in clear text. */
    static final Set<String> IDENTIFYING = Set.of("patient");

    static final String SEALED = "sealed";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param segmentHash SHA-256 over every other header field (the body by its hash): what the next segment names
     * @param setups the set-up files archived with this segment (name and SHA-256), so that they are chained too
     */
    @JsonPropertyOrder({ "format", "facility", "segment", "firstSeq", "lastSeq", "count", "previousSegmentHash",
            "previousChainHash", "chainHash", "keyFingerprint", "ephemeralKey", "setups", "bodyHash", "segmentHash" })
    public record Header(int format, String facility, long segment, long firstSeq, long lastSeq, int count,
            String previousSegmentHash, String previousChainHash, String chainHash, String keyFingerprint,
            String ephemeralKey, List<SetupFile> setups, String bodyHash, String segmentHash) {

        String computedHash() {
            return Hashes.sha256Hex(String.join("|", "opd-archive-segment-" + format, facility, Long.toString(segment),
                    Long.toString(firstSeq), Long.toString(lastSeq), Integer.toString(count), previousSegmentHash,
                    previousChainHash, chainHash, keyFingerprint, ephemeralKey, setups.toString(), bodyHash));
        }
    }

    public record SetupFile(String name, String sha256) {
        @Override
        public String toString() {
            return name + "=" + sha256;
        }
    }

    /** Where a segment continues from: the previous segment's hash and the chain hash at its last entry. */
    public record Link(long segment, long lastSeq, String segmentHash, String chainHash) {
        public static final Link START = new Link(0, 0, "", JournalHashes.GENESIS);
    }

    static final int FORMAT = 1;

    public static String fileName(long segment) {
        return String.format("segment-%09d.jsonl", segment);
    }

    /** The bytes of a new segment after {@code previous}, with {@code rows} (column -> value) in seq order. */
    static byte[] write(String facility, Link previous, List<Map<String, Object>> rows, String publicKey,
            List<SetupFile> setups) {
        SegmentCipher cipher = SegmentCipher.forWriting(publicKey);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long first = 0;
        long last = 0;
        String chain = previous.chainHash();
        for (Map<String, Object> row : rows) {
            long seq = ((Number) row.get("seq")).longValue();
            first = first == 0 ? seq : first;
            last = seq;
            chain = (String) row.get("chain_hash");
            ObjectNode line = JSON.createObjectNode();
            ObjectNode secret = JSON.createObjectNode();
            row.forEach((column, value) -> (IDENTIFYING.contains(column) ? secret : line).putPOJO(column, value));
            if (secret.properties().stream().anyMatch(e -> !e.getValue().isNull())) {
                line.put(SEALED, cipher.encrypt(seq, secret.toString()));
            }
            body.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
            body.write('\n');
        }
        String bodyHash = sha256(body.toByteArray());
        Header unsigned = new Header(FORMAT, facility, previous.segment() + 1, first, last, rows.size(),
                previous.segmentHash(), previous.chainHash(), chain, ArchiveKeys.fingerprint(publicKey),
                cipher.ephemeralKey, List.copyOf(setups), bodyHash, null);
        Header header = withHash(unsigned);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.writeBytes(JSON.writeValueAsBytes(header));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.write('\n');
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static Header withHash(Header h) {
        return new Header(h.format(), h.facility(), h.segment(), h.firstSeq(), h.lastSeq(), h.count(),
                h.previousSegmentHash(), h.previousChainHash(), h.chainHash(), h.keyFingerprint(), h.ephemeralKey(),
                h.setups(), h.bodyHash(), h.computedHash());
    }

    /**
     * Reads a segment and checks it on its own: its body against its hash, its header against its hash, and every
     * entry's chain hash against the one before it. Patient details stay sealed.
     *
     * @throws Damaged naming what does not hold
     */
    static Segment read(String name, byte[] file) {
        int newline = indexOf(file, (byte) '\n');
        if (newline < 0) {
            throw new Damaged(name, "it has no header line (cut short?)");
        }
        Header header;
        try {
            header = JSON.readValue(file, 0, newline, Header.class);
        } catch (IOException e) {
            throw new Damaged(name, "its header is not readable: " + e.getMessage());
        }
        if (header.format() != FORMAT) {
            throw new Damaged(name, "its format " + header.format() + " is not one this version reads");
        }
        byte[] body = java.util.Arrays.copyOfRange(file, newline + 1, file.length);
        if (!sha256(body).equals(header.bodyHash())) {
            throw new Damaged(name, "its entries do not match the hash in its header: the segment was altered");
        }
        if (!header.computedHash().equals(header.segmentHash())) {
            throw new Damaged(name, "its header does not match its own hash: the segment was altered");
        }
        List<ObjectNode> entries = new ArrayList<>();
        String chain = header.previousChainHash();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                ObjectNode entry = (ObjectNode) JSON.readTree(line);
                long seq = entry.path("seq").asLong();
                String content = entry.path("content_hash").textValue();
                String sealed = entry.path("chain_hash").textValue();
                // entries from before the hash chain have no content hash: the journal check after restore covers them
                if (content != null && !JournalHashes.chain(chain, seq, content).equals(sealed)) {
                    throw new Damaged(name, "the chain hash of seq " + seq + " does not follow from the entry before it");
                }
                chain = sealed;
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries.size() != header.count() || !chain.equals(header.chainHash())) {
            throw new Damaged(name, "its entries do not end at the chain hash its header names");
        }
        return new Segment(header, entries);
    }

    /**
     * The entries with their patient details decrypted: column -> value as JSON.
     *
     * @throws SegmentCipher.WrongKey when the key is not the one this segment was written for
     */
    List<ObjectNode> open(String privateKey) {
        String fingerprint = ArchiveKeys.fingerprint(ArchiveKeys.publicKeyOf(privateKey));
        if (!fingerprint.equals(header.keyFingerprint())) {
            throw new SegmentCipher.WrongKey("The key given (fingerprint " + fingerprint + ") is not the one "
                    + fileName(header.segment()) + " was written for (fingerprint " + header.keyFingerprint() + ")");
        }
        SegmentCipher cipher = SegmentCipher.forReading(privateKey, header.ephemeralKey());
        List<ObjectNode> open = new ArrayList<>();
        for (ObjectNode entry : entries) {
            ObjectNode copy = entry.deepCopy();
            JsonNode sealed = copy.remove(SEALED);
            if (sealed != null) {
                try {
                    copy.setAll((ObjectNode) JSON.readTree(cipher.decrypt(copy.path("seq").asLong(), sealed.textValue())));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            open.add(copy);
        }
        return open;
    }

    Link link() {
        return new Link(header.segment(), header.lastSeq(), header.segmentHash(), header.chainHash());
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A segment, or the archive around it, is not as it was written. */
    public static final class Damaged extends RuntimeException {
        private final String segment;

        public Damaged(String segment, String problem) {
            super(segment + ": " + problem);
            this.segment = segment;
        }

        public String segment() {
            return segment;
        }
    }
}
