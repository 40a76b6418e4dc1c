package org.opdqueue.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Binds the parameters of a statement written without Hibernate (the issue batch's multi-row INSERTs) in order, with
 * the values Hibernate writes: an Instant as its UTC wall time (Hibernate binds a Timestamp with a UTC calendar), so a
 * row reads back through an entity with the values it was written with; nulls with their SQL type. Times and days go
 * as the text the driver would write for their java.time values, made without a formatter: the driver formats a
 * Timestamp with a calendar, or a java.sql.Date, through a SimpleDateFormat it makes for each value (a tenth of the
 * issuing lane's CPU), and a LocalDateTime or LocalDate through a DateTimeFormatter (7 % of the lanes' samples).
 */
public final class RowBinder {

    private final PreparedStatement s;
    private int i = 1;

    public RowBinder(PreparedStatement s) {
        this.s = s;
    }

    /** {@code INSERT INTO table (columns) VALUES (?, …), (?, …)} for {@code rows} rows. */
    public static String insert(String table, String columns, int rows) {
        return insert("INSERT INTO ", table, columns, rows);
    }

    /** As {@link #insert}, skipping a row whose key is already there. */
    public static String insertIgnore(String table, String columns, int rows) {
        return insert("INSERT IGNORE INTO ", table, columns, rows);
    }

    private static String insert(String verb, String table, String columns, int rows) {
        String row = "(" + "?, ".repeat(columns.split(",").length - 1) + "?)";
        StringBuilder sql = new StringBuilder(verb).append(table).append(" (").append(columns).append(") VALUES ");
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    public RowBinder string(String v) throws SQLException {
        s.setString(i++, v);
        return this;
    }

    public RowBinder number(Number v) throws SQLException {
        if (v == null) {
            s.setNull(i++, Types.BIGINT);
        } else {
            s.setLong(i++, v.longValue());
        }
        return this;
    }

    public RowBinder bool(Boolean v) throws SQLException {
        if (v == null) {
            s.setNull(i++, Types.BOOLEAN);
        } else {
            s.setBoolean(i++, v);
        }
        return this;
    }

    public RowBinder instant(Instant v) throws SQLException {
        if (v == null) {
            s.setNull(i++, Types.TIMESTAMP);
        } else {
            s.setString(i++, text(utcWallTime(v)));
        }
        return this;
    }

    /** An instant as a TIMESTAMP column holds it when Hibernate wrote it: its wall time in UTC. */
    public static LocalDateTime utcWallTime(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public RowBinder date(LocalDate v) throws SQLException {
        if (v == null) {
            s.setNull(i++, Types.DATE);
        } else {
            s.setString(i++, text(v));
        }
        return this;
    }

    /**
     * The literal the driver writes for a LocalDateTime ({@code yyyy-MM-dd HH:mm:ss}, then {@code .SSSSSS} unless the
     * nanos are 0), without its DateTimeFormatter.
     */
    static String text(LocalDateTime t) {
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return t.format(t.getNano() == 0 ? WHOLE_SECONDS : MICROSECONDS);
        }
        char[] c = new char[t.getNano() == 0 ? 19 : 26];
        day(c, t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        if (t.getNano() != 0) {
            c[19] = '.';
            digits(c, 20, t.getNano() / 1000, 6);
        }
        return new String(c);
    }

    /** The literal the driver writes for a LocalDate ({@code yyyy-MM-dd}). */
    static String text(LocalDate d) {
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            return d.toString();
        }
        char[] c = new char[10];
        day(c, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        return new String(c);
    }

    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROSECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static void day(char[] c, int year, int month, int day) {
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, month, 2);
        c[7] = '-';
        digits(c, 8, day, 2);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            c[k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
