package org.opdqueue.token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opdqueue.common.RowBinder;

/**
 * New tokens written with one multi-row INSERT on the issuing transaction's own connection. Hibernate inserts an
 * identity-keyed entity one statement at a time (its JDBC batching cannot batch identity inserts), which was the
 * biggest single cost of a batch of issues. {@code RETURNING} (MariaDB 10.5+) gives each row's id whatever the
 * server's auto-increment lock mode or increment; rows are matched by their unique public code, not by position.
 * Values are bound as Hibernate binds them (an Instant with a UTC calendar), so the rows read back the same.
 */
final class TokenRows {

    /** Every column of {@link Token} but its id: TokenRowsTest fails when a new field is not written here. */
    static final String COLUMNS = "facility, public_code, business_day, number_service_id, number_series, "
            + "number, display_number, service_id, priority, is_priority, channel, status, issued_at, queued_at, "
            + "called_at, started_at, completed_at, counter_id, call_count, patient_name, patient_age, patient_sex, "
            + "patient_mobile, patient_abha, patient_uhid, degraded, device_id, device_time, received_at, "
            + "reservation_unknown, estimated_wait_at_issue, notify_consent, notify_language, version";

    private TokenRows() {
    }

    /** Inserts new tokens (not yet saved) and gives each its id. */
    static void insert(Connection c, List<Token> tokens) throws SQLException {
        String sql = RowBinder.insert("token", COLUMNS, tokens.size()) + " RETURNING id, public_code";
        Map<String, Token> byCode = new HashMap<>();
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            RowBinder b = new RowBinder(insert);
            for (Token t : tokens) {
                if (t.id != null) {
                    throw new IllegalStateException("token " + t.displayNumber + " is saved already");
                }
                byCode.put(t.publicCode, t);
                b.string(t.facility).string(t.publicCode).date(t.businessDay).number(t.numberServiceId)
                        .string(t.numberSeries).number(t.number).string(t.displayNumber).number(t.serviceId)
                        .string(t.priority).bool(t.priorityLane).string(t.channel.name()).string(t.status.name())
                        .instant(t.issuedAt).instant(t.queuedAt).instant(t.calledAt).instant(t.startedAt)
                        .instant(t.completedAt).number(t.counterId).number(t.callCount).string(t.patientName)
                        .number(t.patientAge).string(t.patientSex == null ? null : t.patientSex.name())
                        .string(t.patientMobile).string(t.patientAbha).string(t.patientUhid).bool(t.degraded)
                        .string(t.deviceId).instant(t.deviceTime).instant(t.receivedAt).bool(t.reservationUnknown)
                        .number(t.estimatedWaitAtIssue).bool(t.notifyConsent).string(t.notifyLanguage)
                        .number(t.version);
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
}
