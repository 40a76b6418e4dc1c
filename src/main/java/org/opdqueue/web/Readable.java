package org.opdqueue.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Times and lengths as staff read them on the pages: the hospital's local time, "1 h 05 min". */
@TemplateExtension
public class Readable {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }

    /** The day alone, for a narrow column where the day and the time may go on two lines. */
    static String localDay(Instant instant, ZoneId zone) {
        return DAY.format(instant.atZone(zone));
    }

    static String localTime(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    static String readable(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        if (s >= 3600) {
            return String.format("%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format("%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
