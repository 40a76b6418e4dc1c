package org.opdqueue.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/** Each entry is chained to the one before it; a change made to the table behind the application's back shows. */
@QuarkusTest
class JournalChainTest {

    @Inject
    TestHospital hospital;

    @Inject
    JournalSealer sealer;

    @Inject
    JournalVerifier verifier;

    @Inject
    DataSource dataSource;

    @Test
    void anUntouchedJournalVerifiesWithEveryEntrySealed() throws SQLException {
        String service = hospital.service();
        for (int i = 0; i < 5; i++) {
            Api.issue(service);
        }
        JsonPath result = verify();
        assertThat(result.getBoolean("ok")).as(result.prettify()).isTrue();
        assertThat(result.getLong("entries")).isGreaterThanOrEqualTo(5);
        assertThat(result.getLong("sealed") + result.getLong("unsealed")).isEqualTo(result.getLong("entries"));
        assertThat(result.getLong("headSeq")).isGreaterThanOrEqualTo(issuedSeq(service, 5));
        assertThat(result.getString("headHash")).hasSize(64);
        assertThat((Object) result.get("brokenSeq")).isNull();
    }

    @Test
    void aChangedDetailIsNamedByItsSeq() throws SQLException {
        String service = hospital.service();
        Api.issue(service);
        Api.issue(service);
        long seq = issuedSeq(service, 1);
        sealer.seal();
        String detail = column(seq, "detail");
        try {
            sql("UPDATE journal_entry SET detail = 'KIOSK GENERAL, changed' WHERE seq = " + seq);
            JsonPath result = verify();
            assertThat(result.getBoolean("ok")).isFalse();
            assertThat(result.getLong("brokenSeq")).isEqualTo(seq);
            assertThat(result.getString("problem")).contains("content hash");
        } finally {
            sql("UPDATE journal_entry SET detail = '" + detail + "' WHERE seq = " + seq);
        }
        assertThat(verify().getBoolean("ok")).as("restored").isTrue();
    }

    @Test
    void aRemovedEntryBreaksTheLinkOfTheEntryAfterIt() throws SQLException {
        String service = hospital.service();
        for (int i = 0; i < 3; i++) {
            Api.issue(service);
        }
        long removed = issuedSeq(service, 2);
        long before = Long.parseLong(query("SELECT MAX(seq) FROM journal_entry WHERE seq < " + removed));
        long after = Long.parseLong(query("SELECT MIN(seq) FROM journal_entry WHERE seq > " + removed));
        sealer.seal();
        sql("CREATE TABLE journal_entry_removed AS SELECT * FROM journal_entry WHERE seq = " + removed);
        try {
            sql("DELETE FROM journal_entry WHERE seq = " + removed);
            JsonPath result = verify();
            assertThat(result.getBoolean("ok")).isFalse();
            assertThat(result.getLong("brokenSeq")).isEqualTo(after);
            assertThat(result.getString("problem")).contains("(seq " + before + ")").contains("removed");
        } finally {
            sql("INSERT INTO journal_entry SELECT * FROM journal_entry_removed");
            sql("DROP TABLE journal_entry_removed");
        }
        assertThat(verify().getBoolean("ok")).as("restored").isTrue();
    }

    @Test
    void aChangedHashIsNamedByItsSeq() throws SQLException {
        String service = hospital.service();
        Api.issue(service);
        long seq = issuedSeq(service, 1);
        sealer.seal();
        for (String hash : new String[] { "journal_entry.content_hash", "journal_seal.chain_hash" }) {
            String table = hash.substring(0, hash.indexOf('.'));
            String kept = query("SELECT " + hash + " FROM " + table + " WHERE seq = " + seq);
            try {
                sql("UPDATE " + table + " SET " + hash + " = SHA2('forged', 256) WHERE seq = " + seq);
                JsonPath result = verify();
                assertThat(result.getBoolean("ok")).as(hash).isFalse();
                assertThat(result.getLong("brokenSeq")).as(hash).isEqualTo(seq);
            } finally {
                sql("UPDATE " + table + " SET " + hash + " = '" + kept + "' WHERE seq = " + seq);
            }
        }
        assertThat(verify().getBoolean("ok")).as("restored").isTrue();
    }

    @Test
    void anEntrySlippedInBelowSealedOnesIsNamed() throws SQLException {
        String service = hospital.service();
        Api.issue(service);
        Api.issue(service);
        long seq = issuedSeq(service, 1);
        sealer.seal();
        sql("CREATE TABLE journal_entry_copy AS SELECT * FROM journal_entry WHERE seq = " + seq);
        sql("CREATE TABLE journal_seal_copy AS SELECT * FROM journal_seal WHERE seq = " + seq);
        try {
            sql("DELETE FROM journal_entry WHERE seq = " + seq);
            sql("DELETE FROM journal_seal WHERE seq = " + seq);
            // the same entry and its content hash, without its seal: as written by someone with INSERT only
            sql("INSERT INTO journal_entry SELECT * FROM journal_entry_copy");
            JsonPath result = verify();
            assertThat(result.getBoolean("ok")).isFalse();
            assertThat(result.getLong("brokenSeq")).isEqualTo(seq);
            assertThat(result.getString("problem")).contains("not sealed");
        } finally {
            sql("INSERT INTO journal_seal SELECT * FROM journal_seal_copy");
            sql("DROP TABLE journal_entry_copy");
            sql("DROP TABLE journal_seal_copy");
        }
        assertThat(verify().getBoolean("ok")).as("restored").isTrue();
    }

    @Test
    void theJarCommandSaysOkWithTheCountOrTheBrokenSeq() throws SQLException {
        String service = hospital.service();
        Api.issue(service);
        long seq = issuedSeq(service, 1);
        sealer.seal();
        assertThat(verifier.verify().describe()).startsWith("OK: ").contains(" entries, ");
        String detail = column(seq, "detail");
        try {
            sql("UPDATE journal_entry SET detail = 'changed' WHERE seq = " + seq);
            assertThat(verifier.verify().describe()).startsWith("BROKEN at seq " + seq + ": ");
        } finally {
            sql("UPDATE journal_entry SET detail = '" + detail + "' WHERE seq = " + seq);
        }
    }

    @Test
    void anEntryWithoutAContentHashIsSealedOverItsFieldsAsIfItHadOne() throws SQLException {
        // entries written before V20 have no content hash: the sealer hashes their fields; the rest it chains by the
        // hash stored with them, and both give the chain the verifier recomputes from the fields
        String service = hospital.service();
        Api.issue(service);
        Api.issue(service);
        long first = issuedSeq(service, 1);
        long second = issuedSeq(service, 2);
        sealer.seal();
        String stored = column(first, "content_hash");
        try {
            sql("DELETE FROM journal_seal WHERE seq >= " + first);
            sql("UPDATE journal_entry SET content_hash = NULL WHERE seq = " + first);
            sealer.seal();
            // the genesis ('') when it is the journal's first entry
            String before = query("SELECT COALESCE((SELECT chain_hash FROM journal_seal WHERE seq < " + first
                    + " ORDER BY seq DESC LIMIT 1), '')");
            assertThat(seal(first)).isEqualTo(JournalHashes.chain(before, first, stored));
            String beforeSecond = query("SELECT chain_hash FROM journal_seal WHERE seq < " + second
                    + " ORDER BY seq DESC LIMIT 1");
            assertThat(seal(second))
                    .isEqualTo(JournalHashes.chain(beforeSecond, second, column(second, "content_hash")));
        } finally {
            sql("UPDATE journal_entry SET content_hash = '" + stored + "' WHERE seq = " + first);
        }
        JsonPath result = verify();
        assertThat(result.getBoolean("ok")).as(result.prettify()).isTrue();
    }

    @Test
    void onlyAnAdminMayVerify() {
        Api.staff().get("/api/admin/journal/verify").then().statusCode(403);
        given().get("/api/admin/journal/verify").then().statusCode(401);
    }

    @Test
    void entriesSealedTogetherByMoreThanOneStatementAllChainAndVerify() throws Exception {
        String service = hospital.service();
        int issues = JournalSealer.PER_STATEMENT * 2 + 50;
        org.opdqueue.support.Parallel.all(issues, i -> Api.post("/api/tokens", Api.issueBody(service, "GENERAL")));
        sealer.seal();

        assertThat(query("SELECT COUNT(*) FROM journal_entry j JOIN service_point s ON s.id = j.service_id "
                + "JOIN journal_seal seal ON seal.seq = j.seq WHERE s.code = '" + service + "' AND j.type = 'ISSUED'"))
                .isEqualTo(String.valueOf(issues));
        JsonPath result = verify();
        assertThat(result.getBoolean("ok")).as(result.prettify()).isTrue();
        assertThat(result.getLong("headSeq")).isGreaterThanOrEqualTo(issuedSeq(service, issues));
    }

    private static JsonPath verify() {
        return Api.as("admin", "admin123").get("/api/admin/journal/verify").then().statusCode(200).extract().jsonPath();
    }

    /** The seq of the n-th token (from 1) issued for the service. */
    private long issuedSeq(String service, int n) throws SQLException {
        return Long.parseLong(query("SELECT j.seq FROM journal_entry j JOIN service_point s ON s.id = j.service_id "
                + "WHERE s.code = '" + service + "' AND j.type = 'ISSUED' ORDER BY j.seq LIMIT 1 OFFSET " + (n - 1)));
    }

    private String column(long seq, String column) throws SQLException {
        return query("SELECT " + column + " FROM journal_entry WHERE seq = " + seq);
    }

    private String seal(long seq) throws SQLException {
        return query("SELECT chain_hash FROM journal_seal WHERE seq = " + seq);
    }

    private String query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getString(1);
        }
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
