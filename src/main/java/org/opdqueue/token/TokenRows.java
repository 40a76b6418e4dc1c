package org.opdqueue.token;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * New tokens written with one multi-row INSERT on the issuing transaction's own connection. Hibernate inserts an
 * identity-keyed entity one statement at a time (its JDBC batching cannot batch identity inserts), which was the
 * biggest single cost of a batch of issues. {@code RETURNING} (MariaDB 10.5+) gives each row's id whatever the
 * server's auto-increment lock mode or increment; rows are matched by their unique public code, not by position.
 * Values are bound as Hibernate binds them (an Instant with a UTC calendar), so the rows read back the same.
 */
final class TokenRows {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /** Every column of {@link Token} but its id: TokenRowsTest fails when a new field is not written here. */
    static final String COLUMNS = "facility, public_code, business_day, number_service_id, number_series, "
            + "number, display_number, service_id, priority, is_priority, channel, status, issued_at, queued_at, "
            + "called_at, started_at, completed_at, counter_id, call_count, patient_name, patient_age, patient_sex, "
            + "patient_mobile, patient_abha, patient_uhid, degraded, device_id, device_time, received_at, "
            + "reservation_unknown, estimated_wait_at_issue, notify_consent, notify_language, version";
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;

    private TokenRows() {
    }

    /** Inserts new tokens (not yet saved) and gives each its id. */
    static void insert(Connection c, List<Token> tokens) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO token (").append(COLUMNS).append(") VALUES ");
        String row = "(" + "?, ".repeat(COLUMN_COUNT - 1) + "?)";
        for (int i = 0; i < tokens.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        sql.append(" RETURNING id, public_code");
        Map<String, Token> byCode = new HashMap<>();
        Calendar utc = utc();
        try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Token t : tokens) {
                if (t.id != null) {
                    throw new IllegalStateException("token " + t.displayNumber + " is saved already");
                }
                byCode.put(t.publicCode, t);
                insert.setString(p++, t.facility);
                insert.setString(p++, t.publicCode);
                insert.setDate(p++, Date.valueOf(t.businessDay));
                insert.setLong(p++, t.numberServiceId);
                insert.setString(p++, t.numberSeries);
                insert.setInt(p++, t.number);
                insert.setString(p++, t.displayNumber);
                insert.setLong(p++, t.serviceId);
                insert.setString(p++, t.priority);
                insert.setBoolean(p++, t.priorityLane);
                insert.setString(p++, t.channel.name());
                insert.setString(p++, t.status.name());
                instant(insert, p++, utc, t.issuedAt);
                instant(insert, p++, utc, t.queuedAt);
                instant(insert, p++, utc, t.calledAt);
                instant(insert, p++, utc, t.startedAt);
                instant(insert, p++, utc, t.completedAt);
                nullableLong(insert, p++, t.counterId);
                insert.setInt(p++, t.callCount);
                insert.setString(p++, t.patientName);
                nullableInt(insert, p++, t.patientAge);
                insert.setString(p++, t.patientSex == null ? null : t.patientSex.name());
                insert.setString(p++, t.patientMobile);
                insert.setString(p++, t.patientAbha);
                insert.setString(p++, t.patientUhid);
                insert.setBoolean(p++, t.degraded);
                insert.setString(p++, t.deviceId);
                instant(insert, p++, utc, t.deviceTime);
                instant(insert, p++, utc, t.receivedAt);
                insert.setBoolean(p++, t.reservationUnknown);
                nullableInt(insert, p++, t.estimatedWaitAtIssue);
                insert.setBoolean(p++, t.notifyConsent);
                insert.setString(p++, t.notifyLanguage);
                insert.setLong(p++, t.version);
            }
            int returned = 0;
            try (ResultSet ids = insert.executeQuery()) {
                while (ids.next()) {
                    byCode.get(ids.getString(2)).id = ids.getLong(1);
                    returned++;
                }
            }
            if (returned != tokens.size()) {
                throw new IllegalStateException(tokens.size() + " tokens inserted, " + returned + " ids returned");
            }
        }
    }

    /** How Hibernate binds an Instant to MariaDB (TimestampUtcAsJdbcTimestampJdbcType); not thread-safe. */
    static Calendar utc() {
        return Calendar.getInstance(UTC);
    }

    static void instant(PreparedStatement s, int i, Calendar utc, Instant at) throws SQLException {
        if (at == null) {
            s.setNull(i, Types.TIMESTAMP);
        } else {
            s.setTimestamp(i, Timestamp.from(at), utc);
        }
    }

    private static void nullableLong(PreparedStatement s, int i, Long value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, value);
        }
    }

    private static void nullableInt(PreparedStatement s, int i, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, value);
        }
    }
}
