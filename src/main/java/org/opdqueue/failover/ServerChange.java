package org.opdqueue.failover;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Timestamp;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;

/**
 * Notices that the application writes to another database server than before: the primary was lost and its replica
 * promoted. Semi-synchronous replication puts every acknowledged commit on the replica, but a primary whose replica
 * did not answer within {@code rpl_semi_sync_master_timeout} went on alone, and what it committed then never reached
 * the replica: tokens on patients' slips whose numbers the replica would give again. So the first connection to a
 * new server moves today's online number rows and the paper number rows {@link #NUMBERS_SKIPPED} on, and each kiosk's
 * next block of offline numbers {@link #KIOSK_NUMBERS_SKIPPED} past its last on record, once for all
 * nodes (the hospital's row is locked while it is done), before the pool hands that connection to anyone.
 * <p>
 * A read-only server (a replica not promoted yet, or the old primary back with {@code read_only=ON}) is refused as
 * unreachable: a connection string listing both servers must never write to a replica.
 */
@ApplicationScoped
public class ServerChange {

    /** As after a restore from the archive. */
    static final int NUMBERS_SKIPPED = org.opdqueue.token.TokenNumbers.SKIPPED_AFTER_A_LOSS;

    /** A kiosk may hold a block the replica never heard of: at most one grant, as large as any. */
    static final int KIOSK_NUMBERS_SKIPPED = org.opdqueue.offline.OfflineNumbers.LARGEST_GRANT;

    private static final Logger LOG = Logger.getLogger(ServerChange.class);
    private static final int ER_NO_SUCH_TABLE = 1146;

    private final Facility facility;
    private final HospitalClock clock;

    /** The server this process has checked last: its connections to that server need no second look. */
    private volatile String checkedKey;

    public ServerChange(Facility facility, HospitalClock clock) {
        this.facility = facility;
        this.clock = clock;
    }

    /** The server of a new connection: what it is, and whether it may be written to. */
    record Server(long id, boolean readOnly, String host) {

        /** MariaDB has no server UUID: replication needs each server_id to differ, and the host names the machine. */
        String key() {
            return id + "@" + host;
        }
    }

    /** Run on every new pooled connection; true when this connection's server was another than the one recorded. */
    boolean check(Connection connection) throws SQLException {
        Server server = serverOf(connection);
        if (server.readOnly()) {
            throw new SQLTransientConnectionException("The database server " + server.host() + " (server_id "
                    + server.id() + ") is read-only: a replica that has not been promoted (see README, fail-over)",
                    "08004");
        }
        if (server.key().equals(checkedKey)) {
            return false;
        }
        synchronized (this) {
            if (server.key().equals(checkedKey)) {
                return false;
            }
            Boolean changed = record(connection, server);
            if (changed == null) {
                return false; // the table is not there yet: Flyway is migrating on this connection
            }
            checkedKey = server.key();
            return changed;
        }
    }

    /** Forgets the server checked last, as a new process would: its next new connection is checked again. */
    void forget() {
        checkedKey = null;
    }

    private static Server serverOf(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@server_id, @@read_only, @@hostname, @@port")) {
            rs.next();
            return new Server(rs.getLong(1), rs.getBoolean(2), rs.getString(3) + ":" + rs.getInt(4));
        }
    }

    /**
     * In a transaction of its own on this connection: the hospital's row locked, the skip made if the server is
     * another one. Null when the table does not exist yet.
     */
    private Boolean record(Connection connection, Server server) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            String facilityCode = facility.code();
            Timestamp now = Timestamp.from(clock.now());
            // the first record (a new installation, or the first start of this version) has nothing to move on from
            update(connection, """
                    INSERT IGNORE INTO database_server (facility, server_key, seen_since) VALUES (?, ?, ?)""",
                    facilityCode, server.key(), now);
            String recorded;
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT server_key FROM database_server WHERE facility = ? FOR UPDATE")) {
                s.setString(1, facilityCode);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    recorded = rs.getString(1);
                }
            }
            boolean changed = !recorded.equals(server.key());
            if (changed) {
                int rows = update(connection, """
                        UPDATE token_number_sequence SET last_number = last_number + ?
                        WHERE facility = ? AND business_day >= ?""", NUMBERS_SKIPPED, facilityCode,
                        java.sql.Date.valueOf(clock.businessDayOf(clock.now())));
                rows += update(connection, "UPDATE paper_number_sequence SET last_number = last_number + ? WHERE facility = ?",
                        NUMBERS_SKIPPED, facilityCode);
                // kiosks' offline blocks: each kiosk's next block today starts past one largest grant (OfflineNumbers)
                update(connection, """
                        INSERT INTO offline_series_skip (facility, business_day, skipped_at, numbers) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE skipped_at = VALUES(skipped_at), numbers = VALUES(numbers)""",
                        facilityCode, java.sql.Date.valueOf(clock.businessDayOf(clock.now())), now,
                        KIOSK_NUMBERS_SKIPPED);
                update(connection, """
                        UPDATE database_server SET previous_key = server_key, server_key = ?, seen_since = ?,
                               numbers_skipped = ?, journaled = FALSE
                        WHERE facility = ?""", server.key(), now, NUMBERS_SKIPPED, facilityCode);
                LOG.warnf("The database is another server than before: %s, was %s. %d number rows moved on by %d so "
                        + "that no number the old server gave is given again", server.key(), recorded, rows,
                        NUMBERS_SKIPPED);
            }
            connection.commit();
            return changed;
        } catch (SQLException e) {
            connection.rollback();
            if (e.getErrorCode() == ER_NO_SUCH_TABLE) {
                return null;
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }
}
