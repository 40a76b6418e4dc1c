package org.opdqueue.archive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.journal.JournalSealer;
import org.opdqueue.setup.SetupExport;
import org.opdqueue.status.SystemMode;
import org.opdqueue.support.Api;
import org.opdqueue.support.EmptyDatabaseResource;
import org.opdqueue.support.TestHospital;

/**
 * Two nodes with the archive enabled on one database (issue 18): only the one holding the archive's lock writes
 * segments; when its session dies (the node killed), the other takes over where the archive ends, and every node
 * says which one ships. The second node is a second shipper on the same database with a connection of its own, named
 * as another node.
 */
@QuarkusTest
@TestProfile(OneArchiveShipperTest.TwoShippers.class)
class OneArchiveShipperTest {

    static final ArchiveKeys.NewKey KEY = ArchiveKeys.newKey();
    static final Path ARCHIVE = temporaryDirectory();

    public static class TwoShippers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opd.archive.enabled", "true", "opd.archive.directory", ARCHIVE.toString(),
                    "opd.archive.public-key", KEY.publicKey(), "opd.archive.interval", "1h", "opd.node.name", "node-a");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnDatabase.class));
        }
    }

    public static class OwnDatabase implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return EmptyDatabaseResource.databaseOfItsOwn("opd_archive_lock");
        }

        @Override
        public void stop() {
            // the shared server stops with the JVM
        }
    }

    @Inject
    ArchiveShipper nodeA;

    @Inject
    OpdConfig config;

    @Inject
    Facility facility;

    @Inject
    HospitalClock clock;

    @Inject
    DataSource db;

    @Inject
    EntityManager em;

    @Inject
    SystemMode mode;

    @Inject
    JournalSealer sealer;

    @Inject
    SetupExport export;

    @Inject
    ArchiveKeyStore keys;

    @Inject
    ObjectMapper json;

    @Inject
    TestHospital hospital;

    @Test
    void onlyTheNodeHoldingTheLockShipsAndTheOtherTakesOverWhereTheArchiveEndsWhenItDies() throws Exception {
        ArchiveShipper nodeB = secondNode();
        String service = hospital.service();
        Api.issue(service);
        assertThat(nodeA.ship()).isPositive();
        int segments = segments();

        Api.issue(service);
        assertThat(nodeB.ship()).as("node B while node A holds the lock").isZero();
        assertThat(segments()).isEqualTo(segments);
        assertThat(nodeB.status().shipper()).isEqualTo("node-a");
        assertThat(nodeB.status().shipsHere()).isFalse();
        assertThat(nodeB.status().lagSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(nodeA.ship()).isPositive();
        assertThat(nodeA.status().shipsHere()).isTrue();
        given().get("/api/status").then().statusCode(200).body("archiveShipper", org.hamcrest.Matchers.equalTo("node-a"));

        killTheLockHoldersSession(); // as the database does when node A's process dies
        Api.issue(service);
        assertThat(nodeB.ship()).as("node B once node A's session is gone").isPositive();
        assertThat(nodeB.status().shipsHere()).isTrue();
        assertThat(nodeA.ship()).as("node A after losing its lock").isZero();
        assertThat(nodeA.status().shipper()).isEqualTo("node-b");
        assertThat(nodeA.status().shipsHere()).isFalse();
        given().get("/api/status").then().statusCode(200).body("archiveShipper", org.hamcrest.Matchers.equalTo("node-b"));
        // one chain, each entry once, whoever wrote it
        ArchiveReader.verify(new DirectoryTarget(ARCHIVE));
        assertThat(archivedSeqs()).doesNotHaveDuplicates().containsExactlyElementsOf(sealedSeqs());
        nodeB.stopping(); // node B stops: the lock is free for the next test
    }

    @Test
    void twoNodesShippingAtTheSameTimeNeverBothWriteASegment() throws Exception {
        ArchiveShipper nodeB = secondNode();
        String service = hospital.service();
        ExecutorService two = Executors.newFixedThreadPool(2);
        int written = 0;
        try {
            for (int round = 0; round < 15; round++) {
                Api.issue(service);
                Future<Integer> a = two.submit((Callable<Integer>) nodeA::ship);
                Future<Integer> b = two.submit((Callable<Integer>) nodeB::ship);
                int byA = a.get();
                int byB = b.get();
                assertThat(byA == 0 || byB == 0).as("round %d: A wrote %d, B wrote %d", round, byA, byB).isTrue();
                written += byA + byB;
                assertThat(nodeA.status().problem()).isNull();
                assertThat(nodeB.status().problem()).isNull();
            }
        } finally {
            two.shutdownNow();
            nodeB.stopping();
        }
        assertThat(written).as("segments written in 15 rounds").isGreaterThanOrEqualTo(15);
        ArchiveReader.verify(new DirectoryTarget(ARCHIVE));
        assertThat(archivedSeqs()).doesNotHaveDuplicates().containsExactlyElementsOf(sealedSeqs());
    }

    private ArchiveShipper secondNode() {
        return new ArchiveShipper(config, facility, clock, db, em, mode, sealer, export, keys, json, "node-b");
    }

    private void killTheLockHoldersSession() throws SQLException, InterruptedException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT IS_USED_LOCK('opd-archive:" + facility.code() + "')")) {
            rs.next();
            long holder = rs.getLong(1);
            assertThat(holder).isPositive();
            s.execute("KILL " + holder);
        }
        // the killed session frees its lock as its thread ends, a moment later
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (lockHolder() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private long lockHolder() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT IS_USED_LOCK('opd-archive:" + facility.code() + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int segments() {
        return new DirectoryTarget(ARCHIVE).segments().size();
    }

    private List<Long> archivedSeqs() throws IOException {
        List<Long> seqs = new ArrayList<>();
        for (Segment segment : ArchiveReader.verify(new DirectoryTarget(ARCHIVE)).segments()) {
            segment.open(KEY.privateKey()).forEach(entry -> seqs.add(entry.get("seq").longValue()));
        }
        return seqs;
    }

    private List<Long> sealedSeqs() throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT seq FROM journal_entry WHERE facility = '" + facility.code() + "' AND "
                        + "seq <= (SELECT MAX(last_seq) FROM archive_position) ORDER BY seq")) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
        }
        return seqs;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("opd-archive-lock");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
