package org.opdqueue.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Keeps the {@code waiting_count} rows (how many wait in each service's queue on a day, by lane) in step with the
 * tokens. Every token change is journaled in the transaction that makes it, with where the token waited before and
 * after ({@link JournalToken#waitingBefore()}), so the journal adds and takes the moves of a transaction's entries
 * here in the same transaction: the counts commit or roll back with the change. A restore, which writes tokens without
 * journaling them again, counts the queues afresh ({@link #recount}).
 */
public final class WaitingCounts {

    private WaitingCounts() {
    }

    /** A token left one queue or joined one (or both: a transfer); null when neither. */
    record Move(WaitingPlace from, WaitingPlace to) {
        static Move of(WaitingPlace from, WaitingPlace to) {
            return Objects.equals(from, to) ? null : new Move(from, to);
        }
    }

    /** Rows locked in one order (day, service) by every transaction, so two never wait for each other in a circle. */
    private static final Comparator<WaitingPlace> ROW_ORDER = Comparator.comparing(WaitingPlace::day)
            .thenComparingLong(WaitingPlace::serviceId);

    /** Adds the moves to the counts, one statement for them all. */
    static void apply(Connection c, String facility, Collection<Move> moves) throws SQLException {
        // one row per service and day (keyed with the lane left out), its two lanes' changes: priority, general
        Map<WaitingPlace, int[]> rows = new TreeMap<>(ROW_ORDER);
        for (Move m : moves) {
            add(rows, m.from(), -1);
            add(rows, m.to(), 1);
        }
        rows.values().removeIf(lanes -> lanes[0] == 0 && lanes[1] == 0);
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO waiting_count (facility, service_id, business_day, priority_waiting, general_waiting) VALUES ");
        sql.append("(?, ?, ?, ?, ?), ".repeat(rows.size()));
        sql.setLength(sql.length() - 2);
        sql.append(" ON DUPLICATE KEY UPDATE priority_waiting = priority_waiting + VALUES(priority_waiting),"
                + " general_waiting = general_waiting + VALUES(general_waiting)");
        try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Map.Entry<WaitingPlace, int[]> row : rows.entrySet()) {
                insert.setString(i++, facility);
                insert.setLong(i++, row.getKey().serviceId());
                insert.setObject(i++, row.getKey().day());
                insert.setInt(i++, row.getValue()[0]);
                insert.setInt(i++, row.getValue()[1]);
            }
            insert.executeUpdate();
        }
    }

    private static void add(Map<WaitingPlace, int[]> rows, WaitingPlace place, int n) {
        if (place != null) {
            rows.computeIfAbsent(place, p -> new int[2])[place.priorityLane() ? 0 : 1] += n;
        }
    }

    /** Counts every queue of the facility afresh from its tokens: after a restore wrote them without the journal. */
    public static void recount(Connection c, String facility) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM waiting_count WHERE facility = ?");
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO waiting_count (facility, service_id, business_day, priority_waiting, general_waiting)
                        SELECT facility, service_id, business_day, SUM(is_priority), SUM(NOT is_priority) FROM token
                        WHERE facility = ? AND status = 'WAITING' GROUP BY facility, business_day, service_id""")) {
            delete.setString(1, facility);
            delete.executeUpdate();
            insert.setString(1, facility);
            insert.executeUpdate();
        }
    }
}
