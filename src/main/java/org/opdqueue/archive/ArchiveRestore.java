package org.opdqueue.archive;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opdqueue.common.Facility;
import org.opdqueue.common.ProblemException;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalVerification;
import org.opdqueue.journal.JournalVerifier;
import org.opdqueue.recovery.DayRebuild;
import org.opdqueue.recovery.DayRestore;
import org.opdqueue.recovery.JournalRecord;
import org.opdqueue.setup.SetupImport;

/**
 * Puts an archive back into a new, empty database: checks the whole archive first (and refuses, naming the first bad
 * segment), then inserts the journal as it was (seq and hashes kept, patient details decrypted with the private
 * key), imports the last archived set-up with the ids the journal names and the device keys' and passwords' hashes,
 * rebuilds the day from the journal, and checks the journal's chain in the database before saying it is done.
 */
@ApplicationScoped
public class ArchiveRestore {

    static final String ACTOR = "restore";

    /** Online numbers skipped after the last archived one of each service (the drill saw one given twice without). */
    static final int NUMBERS_SKIPPED = org.opdqueue.token.TokenNumbers.SKIPPED_AFTER_A_LOSS;

    private final DataSource db;
    private final Facility facility;
    private final SetupImport setupImport;
    private final JournalVerifier verifier;
    private final ObjectMapper json;
    private final DayRestore dayRestore;

    public ArchiveRestore(DataSource db, Facility facility, SetupImport setupImport, JournalVerifier verifier,
            ObjectMapper json, DayRestore dayRestore) {
        this.dayRestore = dayRestore;
        this.db = db;
        this.facility = facility;
        this.setupImport = setupImport;
        this.verifier = verifier;
        this.json = json;
    }

    /** What was restored, for the operator. */
    public record Restored(long segments, long entries, long lastSeq, String setup, int tokens, String journal) {
    }

    /** A restore that was not started: the archive is not whole, the key is wrong, or the database is not empty. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    public Restored restore(DirectoryTarget archive, String privateKey, PrintStream out) {
        ArchiveReader.Verified verified;
        try {
            verified = ArchiveReader.verify(archive);
        } catch (Segment.Damaged e) {
            throw new Refused("The archive at " + archive + " is not whole, nothing was restored: " + e.getMessage());
        }
        if (verified.segments().isEmpty() || verified.latestSetup() == null) {
            throw new Refused("The archive at " + archive + " holds no segment or no set-up: nothing to restore");
        }
        String archived = verified.segments().get(0).header().facility();
        if (!archived.equals(facility.code())) {
            throw new Refused("The archive is of facility " + archived + ", this server is " + facility.code()
                    + " (opd.facility.code)");
        }
        out.printf("Archive verified: %d segments, %d entries, up to seq %d (chain hash %s).%n",
                verified.segments().size(), verified.entries(), verified.last().lastSeq(), verified.last().chainHash());
        List<ObjectNode> entries = new ArrayList<>();
        try {
            for (Segment s : verified.segments()) {
                entries.addAll(s.open(privateKey));
            }
        } catch (SegmentCipher.WrongKey | IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
        ArchivedSetup setup = readSetup(archive, verified.latestSetup());
        Map<String, String> passwords = passwords(setup, privateKey);
        try (Connection c = db.getConnection()) {
            refuseUnlessEmpty(c);
            c.setAutoCommit(false);
            JournalRows.insert(c, entries);
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not insert the journal: " + e.getMessage(), e);
        }
        out.printf("Journal inserted: %d entries, seq and hashes as they were.%n", entries.size());
        try {
            setupImport.restore(setup.setup(), passwords, ACTOR);
        } catch (ProblemException e) {
            throw new IllegalStateException("The archived set-up " + verified.latestSetup() + " was refused: "
                    + e.getMessage() + e.errors().stream().map(f -> "; " + f.field() + ": " + f.message()).toList(), e);
        }
        try (Connection c = db.getConnection()) {
            for (Map.Entry<String, Map<String, Long>> table : setup.ids().entrySet()) {
                ArchiveIds.align(c, table.getKey(), table.getKey().equals("staff_user") ? "username" : "code",
                        facility.code(), table.getValue());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give the set-up its archived ids: " + e.getMessage(), e);
        }
        out.printf("Set-up %s imported (device keys and staff passwords as they were).%n", verified.latestSetup());
        DayRestore.Restored day = QuarkusTransaction.requiringNew().timeout(3600).call(() -> dayRestore.restore(
                DayRebuild.rebuild(JournalEntry.<JournalEntry>list("facility = ?1 order by seq", facility.code()).stream()
                        .map(JournalRecord::of).toList())));
        QuarkusTransaction.requiringNew().run(() -> JournalEntry.getEntityManager().createNativeQuery(
                "UPDATE token_number_sequence SET last_number = last_number + ?1 WHERE facility = ?2")
                .setParameter(1, NUMBERS_SKIPPED).setParameter(2, facility.code()).executeUpdate());
        out.printf("Day rebuilt from the journal: %d tokens, %d request ids, %d number rows taken, %d counter states%s.%n",
                day.tokens(), day.requestIds(), day.numberRows(), day.counters(),
                day.skipped().isEmpty() ? "" : "; not restored: " + String.join("; ", day.skipped()));
        JournalVerification check = verifier.verify();
        if (!check.ok()) {
            throw new IllegalStateException("The restored journal does not verify: " + check.describe());
        }
        return new Restored(verified.segments().size(), entries.size(), verified.last().lastSeq(),
                verified.latestSetup(), day.tokens(), check.describe());
    }

    private ArchivedSetup readSetup(DirectoryTarget archive, String name) {
        try {
            return json.readValue(archive.read(name), ArchivedSetup.class);
        } catch (IOException e) {
            throw new Refused(name + " is not readable: " + e.getMessage());
        }
    }

    private Map<String, String> passwords(ArchivedSetup setup, String privateKey) {
        if (setup.passwords() == null) {
            return Map.of();
        }
        try {
            String plain = SegmentCipher.forReading(privateKey, setup.ephemeralKey()).decrypt(setup.seq(), setup.passwords());
            return json.readValue(plain, new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            throw new Refused(e.getMessage());
        }
    }

    private void refuseUnlessEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT COUNT(*) FROM journal_entry) + (SELECT COUNT(*) FROM journal_seal)"
                        + " + (SELECT COUNT(*) FROM service_point)"
                        + " + (SELECT COUNT(*) FROM token) + (SELECT COUNT(*) FROM staff_user)")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new Refused("The database is not empty: restore only into a new, empty database "
                        + "(it would mix two journals)");
            }
        }
    }
}
