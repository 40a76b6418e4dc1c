package org.opdqueue.common;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Binds the parameters of a statement written without Hibernate (the issue batch's multi-row INSERTs) in order, as
 * Hibernate binds them: an Instant with a UTC calendar, so a row reads back through an entity with the values it was
 * written with; nulls with their SQL type. One per statement (the calendar is not thread-safe).
 */
public final class RowBinder {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final PreparedStatement s;
    private final Calendar utc = Calendar.getInstance(UTC);
    private int i = 1;

    public RowBinder(PreparedStatement s) {
        this.s = s;
    }

    /** {@code INSERT INTO table (columns) VALUES (?, …), (?, …)} for {@code rows} rows. */
    public static String insert(String table, String columns, int rows) {
        String row = "(" + "?, ".repeat(columns.split(",").length - 1) + "?)";
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(columns).append(") VALUES ");
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
            s.setTimestamp(i++, Timestamp.from(v), utc);
        }
        return this;
    }

    public RowBinder date(LocalDate v) throws SQLException {
        if (v == null) {
            s.setNull(i++, Types.DATE);
        } else {
            s.setDate(i++, Date.valueOf(v));
        }
        return this;
    }
}
