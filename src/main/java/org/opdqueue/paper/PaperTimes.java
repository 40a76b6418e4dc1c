package org.opdqueue.paper;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.opdqueue.common.OpdConfig;

/** Times on the paper pages as the hospital reads them: its own time zone ({@code inject:paperTimes.of(t)}). */
@Named("paperTimes")
@ApplicationScoped
public class PaperTimes {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final OpdConfig config;

    public PaperTimes(OpdConfig config) {
        this.config = config;
    }

    public String of(Instant instant) {
        return instant == null ? "—" : SHOWN.format(instant.atZone(config.facility().timeZone()));
    }
}
