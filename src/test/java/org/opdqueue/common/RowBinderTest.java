package org.opdqueue.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The batch's times are written as the text the MariaDB driver makes of them, character for character. */
class RowBinderTest {

    /** The driver's own patterns (LocalDateTimeCodec, LocalDateCodec in mariadb-java-client 3.5). */
    private static final DateTimeFormatter DRIVER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter DRIVER_WHOLE_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void timesAreWrittenAsTheDriverWritesThem() {
        SplittableRandom random = new SplittableRandom(14);
        for (int n = 0; n < 100_000; n++) {
            LocalDateTime t = LocalDateTime.of(random.nextInt(1000, 10_000), random.nextInt(1, 13),
                    random.nextInt(1, 29), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    switch (n % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000); // below a microsecond
                        case 2 -> random.nextInt(1000) * 1_000_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            String driver = t.format(t.getNano() == 0 ? DRIVER_WHOLE_SECONDS : DRIVER);
            assertThat(RowBinder.text(t)).as("%s", t).isEqualTo(driver);
            assertThat(RowBinder.text(t.toLocalDate())).as("%s", t).isEqualTo(t.toLocalDate().toString());
        }
    }

    @Test
    void anInstantIsWrittenAsItsWallTimeInUtc() {
        Instant at = Instant.parse("2026-12-01T23:59:59.000123456Z");
        assertThat(RowBinder.text(RowBinder.utcWallTime(at))).isEqualTo("2026-12-01 23:59:59.000123");
        assertThat(RowBinder.text(LocalDate.of(2027, 1, 9))).isEqualTo("2027-01-09");
        assertThat(RowBinder.text(LocalDateTime.of(99, 1, 2, 3, 4, 5))).isEqualTo("0099-01-02 03:04:05");
    }
}
