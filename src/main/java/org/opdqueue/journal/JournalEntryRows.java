package org.opdqueue.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.opdqueue.common.RowBinder;

/**
 * A command's new entries written with one multi-row INSERT on its transaction's connection, where Hibernate would
 * insert them one statement at a time (an identity key cannot be batched). {@code RETURNING} (MariaDB 10.5+) gives
 * each row its seq whatever the server's auto-increment lock mode or increment; the rows come back in the order of
 * the VALUES, which is checked against their content hashes. Values are bound as Hibernate binds them (an Instant
 * with a UTC calendar), so an entry reads back with the fields its content hash was made of.
 */
final class JournalEntryRows {

    private static final String COLUMNS = "facility, type, occurred_at, business_day, token_id, display_number, "
            + "service_id, from_service_id, counter_id, actor, detail, degraded, device_id, device_time, "
            + "counter_state_before, counter_state_after, outage_replay, request_id, public_code, token_day, "
            + "number_series, token_number, priority, is_priority, channel, issued_at, received_at, offline_number, "
            + "paper_book_id, reservation_unknown, patient, token_status, service_code, from_service_code, "
            + "counter_code, token_counter_code, queued_at, called_at, started_at, completed_at, call_count, "
            + "estimated_wait_at_issue, content_hash";

    private JournalEntryRows() {
    }

    /** Inserts the entries (hashed, not yet saved) in their order and gives each its seq. */
    static void insert(Connection c, List<JournalEntry> entries) throws SQLException {
        String sql = RowBinder.insert("journal_entry", COLUMNS, entries.size()) + " RETURNING seq, content_hash";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            RowBinder b = new RowBinder(insert);
            for (JournalEntry e : entries) {
                if (e.seq != null) {
                    throw new IllegalStateException("journal entry " + e.seq + " is saved already");
                }
                b.string(e.facility).string(e.type.name()).instant(e.occurredAt).date(e.businessDay)
                        .number(e.tokenId).string(e.displayNumber).number(e.serviceId).number(e.fromServiceId)
                        .number(e.counterId).string(e.actor).string(e.detail).bool(e.degraded).string(e.deviceId)
                        .instant(e.deviceTime).string(e.counterStateBefore).string(e.counterStateAfter)
                        .bool(e.outageReplay).string(e.requestId).string(e.publicCode).date(e.tokenDay)
                        .string(e.numberSeries).number(e.tokenNumber).string(e.priority).bool(e.priorityLane)
                        .string(e.channel).instant(e.issuedAt).instant(e.receivedAt).string(e.offlineNumber)
                        .number(e.paperBookId).bool(e.reservationUnknown).string(e.patient).string(e.tokenStatus)
                        .string(e.serviceCode).string(e.fromServiceCode).string(e.counterCode)
                        .string(e.tokenCounterCode).instant(e.queuedAt).instant(e.calledAt).instant(e.startedAt)
                        .instant(e.completedAt).number(e.callCount).number(e.estimatedWaitAtIssue)
                        .string(e.contentHash);
            }
            int i = 0;
            try (ResultSet seqs = insert.executeQuery()) {
                while (seqs.next()) {
                    JournalEntry e = i < entries.size() ? entries.get(i) : null;
                    if (e == null || !e.contentHash.equals(seqs.getString(2))) {
                        throw new IllegalStateException("journal insert returned its rows out of order at row " + i);
                    }
                    e.seq = seqs.getLong(1);
                    i++;
                }
            }
            if (i != entries.size()) {
                throw new IllegalStateException(entries.size() + " journal entries inserted, " + i + " seqs returned");
            }
        }
    }
}
