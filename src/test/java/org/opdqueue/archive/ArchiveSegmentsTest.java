package org.opdqueue.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opdqueue.common.Hashes;
import org.opdqueue.journal.JournalHashes;

/** The archive on its own: segments written and read back, encrypted, chained, and every kind of tampering named. */
class ArchiveSegmentsTest {

    private static final ArchiveKeys.NewKey KEY = ArchiveKeys.newKey();

    @TempDir
    Path dir;

    @Test
    void aSegmentReadsBackWithItsPatientDetailsOnlyWithThePrivateKey() throws IOException {
        DirectoryTarget archive = archiveOf(3, 4);
        byte[] file = archive.read(Segment.fileName(1));
        assertThat(new String(file, StandardCharsets.UTF_8)).contains("MED-001").doesNotContain("Sunita");

        List<ObjectNode> open = ArchiveReader.verify(archive).segments().get(0).open(KEY.privateKey());

        assertThat(open).hasSize(4);
        assertThat(open.get(0).get("patient").textValue()).isEqualTo("{\"name\":\"Sunita 1\",\"phone\":\"98100001\"}");
        assertThat(open.get(0).get("seq").longValue()).isEqualTo(1);
        assertThat(open.get(0).has(Segment.SEALED)).isFalse();
    }

    @Test
    void theWrongKeyIsRefusedSayingSo() throws IOException {
        DirectoryTarget archive = archiveOf(1, 2);
        Segment segment = ArchiveReader.verify(archive).segments().get(0);

        assertThatThrownBy(() -> segment.open(ArchiveKeys.newKey().privateKey()))
                .isInstanceOf(SegmentCipher.WrongKey.class).hasMessageContaining("is not the one")
                .hasMessageContaining(Segment.fileName(1));
        assertThatThrownBy(() -> segment.open("tooShort")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void theServerCannotReadASegmentItWroteWithThePublicKeyAlone() throws IOException {
        DirectoryTarget archive = archiveOf(1, 1);
        Segment segment = ArchiveReader.verify(archive).segments().get(0);

        assertThatThrownBy(() -> segment.open(KEY.publicKey())).isInstanceOf(SegmentCipher.WrongKey.class);
    }

    @Test
    void anAlteredSegmentIsNamed() throws IOException {
        DirectoryTarget archive = archiveOf(4, 3);
        Path second = dir.resolve(Segment.fileName(2));
        Files.writeString(second, Files.readString(second).replace("MED-005", "MED-050"));

        assertThatThrownBy(() -> ArchiveReader.verify(archive)).isInstanceOf(Segment.Damaged.class)
                .hasMessageStartingWith(Segment.fileName(2)).hasMessageContaining("altered");
    }

    @Test
    void aSegmentWhoseHashesWereRecomputedAfterAnEditStillBreaksTheJournalChain() throws IOException {
        DirectoryTarget archive = archiveOf(3, 3);
        Path second = dir.resolve(Segment.fileName(2));
        List<String> lines = new ArrayList<>(Files.readAllLines(second));
        lines.set(2, lines.get(2).replace("\"content_hash\":\"", "\"content_hash\":\"0"));
        Files.write(second, lines);

        assertThatThrownBy(() -> ArchiveReader.verify(archive)).isInstanceOf(Segment.Damaged.class)
                .hasMessageStartingWith(Segment.fileName(2));
    }

    @Test
    void aDeletedSegmentIsNamed() throws IOException {
        DirectoryTarget archive = archiveOf(4, 3);
        Files.delete(dir.resolve(Segment.fileName(3)));

        assertThatThrownBy(() -> ArchiveReader.verify(archive)).isInstanceOf(Segment.Damaged.class)
                .hasMessageStartingWith(Segment.fileName(3)).hasMessageContaining("missing");
    }

    @Test
    void reorderedSegmentsAreNamed() throws IOException {
        DirectoryTarget archive = archiveOf(4, 3);
        Path two = dir.resolve(Segment.fileName(2));
        Path three = dir.resolve(Segment.fileName(3));
        Path aside = dir.resolve("aside");
        Files.move(two, aside);
        Files.move(three, two);
        Files.move(aside, three);

        assertThatThrownBy(() -> ArchiveReader.verify(archive)).isInstanceOf(Segment.Damaged.class)
                .hasMessageStartingWith(Segment.fileName(2)).hasMessageContaining("reordered");
    }

    @Test
    void aSegmentReplacedByOneFromAnotherArchiveIsNamed() throws IOException {
        DirectoryTarget archive = archiveOf(3, 2);
        Path other = Files.createDirectory(dir.resolve("other"));
        DirectoryTarget elsewhere = new DirectoryTarget(other);
        write(elsewhere, 3, 2, 7);
        Files.delete(dir.resolve(Segment.fileName(2)));
        Files.copy(other.resolve(Segment.fileName(2)), dir.resolve(Segment.fileName(2)));

        assertThatThrownBy(() -> ArchiveReader.verify(archive)).isInstanceOf(Segment.Damaged.class)
                .hasMessageStartingWith(Segment.fileName(2));
    }

    @Test
    void aSegmentIsNeverOverwritten() throws IOException {
        DirectoryTarget archive = archiveOf(1, 1);
        byte[] before = archive.read(Segment.fileName(1));

        assertThatThrownBy(() -> archive.add(Segment.fileName(1), new byte[] { 1 }))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(archive.read(Segment.fileName(1))).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(Segment.fileName(1));
        }
    }

    @Test
    void aShareThatIsNotMountedIsRefusedRatherThanFilledOnTheServersOwnDisk() throws IOException {
        DirectoryTarget archive = archiveOf(3, 2);
        assertThat(ArchiveShipper.resume(archive, 3).segment()).isEqualTo(3);

        DirectoryTarget emptyMountPoint = new DirectoryTarget(Files.createDirectories(dir.resolve("unmounted")));
        assertThat(ArchiveShipper.resume(emptyMountPoint, 0)).isEqualTo(Segment.Link.START); // the very first run
        assertThatThrownBy(() -> ArchiveShipper.resume(emptyMountPoint, 3)).isInstanceOf(IOException.class)
                .hasMessageContaining(Segment.fileName(3)).hasMessageContaining("mounted");
    }

    @Test
    void aPrivateKeyGivesItsPublicKey() {
        assertThat(ArchiveKeys.publicKeyOf(KEY.privateKey())).isEqualTo(KEY.publicKey());
        assertThat(KEY.privateKey()).hasSize(43);
    }

    private DirectoryTarget archiveOf(int segments, int entriesEach) throws IOException {
        DirectoryTarget archive = new DirectoryTarget(dir);
        write(archive, segments, entriesEach, 0);
        return archive;
    }

    /** Entries chained as the journal's sealer chains them; {@code salt} makes a different journal. */
    private static void write(DirectoryTarget archive, int segments, int entriesEach, int salt) throws IOException {
        Segment.Link link = Segment.Link.START;
        long seq = 0;
        for (int s = 0; s < segments; s++) {
            List<Map<String, Object>> rows = new ArrayList<>();
            String chain = link.chainHash();
            for (int i = 0; i < entriesEach; i++) {
                seq++;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seq", seq);
                row.put("facility", "DEMO");
                row.put("type", "ISSUED");
                row.put("occurred_at", "2026-11-30 04:00:0" + (seq % 10) + ".000000");
                row.put("display_number", String.format("MED-%03d", seq + salt));
                row.put("patient", "{\"name\":\"Sunita " + seq + "\",\"phone\":\"981000" + String.format("%02d", seq) + "\"}");
                String content = Hashes.sha256Hex("entry " + seq + " " + salt);
                row.put("content_hash", content);
                chain = JournalHashes.chain(chain, seq, content);
                row.put("chain_hash", chain);
                rows.add(row);
            }
            byte[] bytes = Segment.write("DEMO", link, rows, KEY.publicKey(), List.of());
            String name = Segment.fileName(link.segment() + 1);
            archive.add(name, bytes);
            link = Segment.read(name, bytes).link();
        }
    }
}
