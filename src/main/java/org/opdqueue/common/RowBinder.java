package org.opdqueue.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Binds the parameters of a statement written without Hibernate (the issue batch's multi-row INSERTs) in order, with
 * the values Hibernate writes: an Instant as its UTC wall time (Hibernate binds a Timestamp with a UTC calendar), so a
 * row reads back through an entity with the values it was written with; nulls with their SQL type. Times and days go
 * as java.time values: the driver formats a Timestamp with a calendar, or a java.sql.Date, through a SimpleDateFormat
 * it makes for each value, which was a tenth of the issuing lane's CPU.
 */
public final class RowBinder {

    private final PreparedStatement s;
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
            s.setObject(i++, utcWallTime(v));
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
            s.setObject(i++, v);
        }
        return this;
    }
}
