package org.opdqueue.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.opdqueue.common.Hashes;

/**
 * The content hash covers the rebuild columns (V23) and the wait told at issue (V38) without changing the hash of an
 * entry written before them.
 */
class JournalHashesTest {

    private static final Instant AT = Instant.parse("2026-11-30T04:00:00.123456Z");

    @Test
    void anEntryWithoutTheRebuildColumnsHashesAsItDidBeforeThem() {
        JournalEntry old = entry();

        // the hash as V20 wrote it, field by field
        String v20 = Hashes.sha256Hex("opd-journal-1|4:DEMO|6:CALLED|27:2026-11-30T04:00:00.123456Z|10:2026-11-30"
                + "|2:42|7:MED-042|1:3|-|1:5|7:counter|-|5:false|-|-|-|-|5:false");
        assertThat(JournalHashes.content(old)).isEqualTo(v20);
    }

    @Test
    void everyRebuildColumnIsCovered() {
        JournalEntry entry = entry();
        entry.tokenStatus = "CALLED";
        entry.tokenCounterCode = "R01";
        String before = JournalHashes.content(entry);

        entry.patient = "{\"name\":\"Asha\"}";
        String withPatient = JournalHashes.content(entry);
        entry.callCount = 2;
        String withCalls = JournalHashes.content(entry);
        entry.tokenStatus = null;
        entry.tokenCounterCode = null;
        entry.patient = null;
        entry.callCount = null;

        assertThat(withPatient).isNotEqualTo(before);
        assertThat(withCalls).isNotEqualTo(withPatient);
        // all of them taken away again is the old entry; on one written with them, its stored hash no longer matches
        assertThat(JournalHashes.content(entry)).isNotIn(before, withPatient, withCalls);
    }

    @Test
    void theWaitToldAtIssueIsCoveredAndAnEntryWrittenBeforeItHashesAsItDid() {
        JournalEntry entry = entry();
        entry.tokenStatus = "WAITING";
        // the hash as V23 wrote it: the rebuild columns after their marker, token_status the 15th of them
        String v23 = Hashes.sha256Hex("opd-journal-1|4:DEMO|6:CALLED|27:2026-11-30T04:00:00.123456Z|10:2026-11-30"
                + "|2:42|7:MED-042|1:3|-|1:5|7:counter|-|5:false|-|-|-|-|5:false|rebuild" + "|-".repeat(14)
                + "|7:WAITING" + "|-".repeat(9));
        assertThat(JournalHashes.content(entry)).isEqualTo(v23);

        entry.estimatedWaitAtIssue = 25;
        String told = JournalHashes.content(entry);
        entry.estimatedWaitAtIssue = 26;
        String toldOtherwise = JournalHashes.content(entry);
        entry.tokenStatus = null;
        String toldAlone = JournalHashes.content(entry);

        assertThat(told).isNotEqualTo(v23);
        assertThat(toldOtherwise).isNotIn(v23, told);
        assertThat(toldAlone).isNotIn(v23, told, toldOtherwise, JournalHashes.content(entry()));
    }

    private static JournalEntry entry() {
        JournalEntry e = new JournalEntry();
        e.facility = "DEMO";
        e.type = JournalEventType.CALLED;
        e.occurredAt = AT;
        e.businessDay = LocalDate.parse("2026-11-30");
        e.tokenId = 42L;
        e.displayNumber = "MED-042";
        e.serviceId = 3L;
        e.counterId = 5L;
        e.actor = "counter";
        return e;
    }
}
