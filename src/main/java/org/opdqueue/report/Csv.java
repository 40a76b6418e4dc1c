package org.opdqueue.report;

import java.util.Arrays;
import java.util.List;

/**
 * RFC 4180 text: a header row, then one row per table row, CRLF line ends, and a byte-order mark so that a
 * spreadsheet reads Hindi names as UTF-8.
 */
public final class Csv {

    /** Written first: a spreadsheet then reads the file as UTF-8. */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    private final StringBuilder text = new StringBuilder(BYTE_ORDER_MARK);

    public Csv(String... header) {
        row((Object[]) header);
    }

    public Csv row(Object... cells) {
        text.append(line(cells));
        return this;
    }

    /** One row with its line end, for a file written as it is made. */
    public static String line(Object... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        return line.append("\r\n").toString();
    }

    /** Median, p90 and max as three cells (empty when there is none). */
    public static List<Object> spread(Spread s) {
        return Arrays.asList(s.median(), s.p90(), s.max());
    }

    public static String[] spreadHeader(String what) {
        return new String[] { what + "_median_s", what + "_p90_s", what + "_max_s" };
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // a leading = + - @ would be run as a formula by a spreadsheet
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
