package org.opdqueue.paper;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opdqueue.token.NumberSeries;

/**
 * A number in the paper series as printed on a slip and read back by a scanner or typed by a clerk: the service's
 * token prefix, the paper letter and at least four digits, e.g. {@code MED-P0123}. Paper numbers never restart,
 * so they grow past 9999 with a fifth digit.
 */
public record PaperNumber(String prefix, int number) {

    /** Lenient about case, spaces and the hyphen, which scanners and hurried typing lose. */
    private static final Pattern TYPED = Pattern.compile("([A-Z0-9]{1,8}?)-?" + NumberSeries.PAPER + "(\\d{1,7})");

    public static Optional<PaperNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Matcher m = TYPED.matcher(typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
        return m.matches() ? Optional.of(new PaperNumber(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    public static String format(String prefix, int number) {
        return prefix + "-" + NumberSeries.PAPER + String.format("%04d", number);
    }

    @Override
    public String toString() {
        return format(prefix, number);
    }
}
