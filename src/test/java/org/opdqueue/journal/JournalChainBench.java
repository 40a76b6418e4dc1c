package org.opdqueue.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * What the chain costs: the content hash on the issuing path, sealing and verifying 100,000 entries. Run on its own:
 * {@code ./mvnw test -Dtest=JournalChainBench -Dbench.journal=true}.
 */
@QuarkusTest
@TestProfile(JournalChainBench.SealingOnlyWhenAsked.class)
@EnabledIfSystemProperty(named = "bench.journal", matches = "true")
class JournalChainBench {

    private static final Logger LOG = Logger.getLogger(JournalChainBench.class);
    private static final int ENTRIES = 100_000;

    /** So the sealing of all 100,000 is measured at once (the background sealer keeps up with them as they come). */
    public static class SealingOnlyWhenAsked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opd.journal.sealing", "false");
        }
    }

    @Inject
    Journal journal;

    @Inject
    JournalSealer sealer;

    @Inject
    JournalVerifier verifier;

    @Test
    void hundredThousandEntriesAreSealedAndVerified() {
        JournalEntry sample = JournalEntryBuilder.about(123456L, "MED-042", 7L).counter(3L).actor("counter1")
                .detail("KIOSK GENERAL").build();
        sample.facility = "DEMO";
        sample.type = JournalEventType.ISSUED;
        sample.occurredAt = Instant.parse("2026-11-30T10:15:30.123456Z");
        sample.businessDay = java.time.LocalDate.of(2026, 11, 30);
        long hashes = 0;
        for (int i = 0; i < 200_000; i++) { // warm-up, then measured
            hashes += JournalHashes.content(sample).length();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 200_000; i++) {
            hashes += JournalHashes.content(sample).length();
        }
        LOG.infof("content hash: %.2f µs per entry (%d)", (System.nanoTime() - t0) / 200_000 / 1000.0, hashes);

        sealer.seal();
        long t1 = System.nanoTime();
        for (int batch = 0; batch < ENTRIES / 1000; batch++) {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 1000; i++) {
                    journal.append(JournalEventType.ISSUED, JournalEntryBuilder.about(null, "B-" + i, null)
                            .actor("bench").detail("BENCH GENERAL"));
                }
            });
        }
        long t2 = System.nanoTime();
        long sealed = sealer.seal();
        long t3 = System.nanoTime();
        JournalVerification result = verifier.verify();
        long t4 = System.nanoTime();
        LOG.infof("appended %d in %d ms; sealed %d in %d ms; verified %d entries in %d ms: %s", ENTRIES,
                (t2 - t1) / 1_000_000, sealed, (t3 - t2) / 1_000_000, result.entries(), (t4 - t3) / 1_000_000,
                result.describe());
        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(sealed).isGreaterThanOrEqualTo(ENTRIES);
    }
}
