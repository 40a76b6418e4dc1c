package org.opdqueue.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Which node ships the archive when several share one database: the one holding MariaDB's named lock
 * {@code opd-archive:<facility>} ({@code GET_LOCK}, never waited for). The lock lives as long as the session that took
 * it, so it is held on a connection of its own, taken out of the pool for as long as this node ships. A node killed
 * with it closes its socket and the database frees the lock at once; one that vanished without a word (power, network)
 * is dropped by the database after {@link #IDLE_SECONDS} of silence on that session, which the holder breaks every
 * second by checking it still has the lock. Whoever takes the lock writes its name into {@code archive_position}, so
 * every node can say which one ships. Two nodes that both wrote would refuse each other's segment name (the target
 * never replaces a file), but one would be left stuck; the lock keeps them from trying.
 */
final class ShippingLock {

    private static final Logger LOG = Logger.getLogger(ShippingLock.class);

    /** A holder whose session said nothing for this long is taken for dead by the database (its wait_timeout). */
    static final int IDLE_SECONDS = 30;

    /** What a look at the lock found: this node holds it (acquired now or before), and who ships as recorded. */
    record Seen(boolean held, boolean acquiredNow, String shipper, Instant since, long lastSeq) {
    }

    private final DataSource db;
    private final String facility;
    private final String node;
    private final String name;
    private Connection held;
    private volatile String shipper;
    private volatile Instant since;

    ShippingLock(DataSource db, String facility, String node) {
        this.db = db;
        this.facility = facility;
        this.node = node;
        this.name = "opd-archive:" + facility;
    }

    /** Whether this node (still) holds the lock, taking it if it is free. */
    synchronized Seen check() throws SQLException {
        if (held != null) {
            try (Statement s = held.createStatement();
                    ResultSet rs = s.executeQuery("SELECT IS_USED_LOCK('" + name + "') = CONNECTION_ID()")) {
                if (rs.next() && rs.getBoolean(1)) {
                    return new Seen(true, false, node, since, -1);
                }
                // a driver that reconnected in place (a fail-over) is a new session, without the lock
                LOG.warnf("The journal archive's lock %s was lost (the database dropped the session): not shipping "
                        + "until it is taken again", name);
            } catch (SQLException e) {
                LOG.warnf("The journal archive's lock %s was lost: %s", name, e.getMessage());
            }
            drop();
        }
        Connection c = db.getConnection();
        try (PreparedStatement s = c.prepareStatement("SELECT GET_LOCK(?, 0), p.shipper, p.shipper_since, p.last_seq "
                + "FROM (SELECT 1) one LEFT JOIN archive_position p ON p.facility = ?")) {
            s.setString(1, name);
            s.setString(2, facility);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 1) {
                    Timestamp at = rs.getTimestamp(3);
                    shipper = rs.getString(2);
                    since = at == null ? null : at.toInstant();
                    long lastSeq = rs.getLong(4);
                    c.close();
                    return new Seen(false, false, shipper, since, lastSeq);
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        held = c;
        try (Statement s = held.createStatement()) {
            s.execute("SET SESSION wait_timeout = " + IDLE_SECONDS);
        }
        Instant now = Instant.now();
        try (PreparedStatement s = held.prepareStatement("INSERT INTO archive_position (facility, shipper, shipper_since) "
                + "VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE shipper = VALUES(shipper), "
                + "shipper_since = VALUES(shipper_since)")) {
            s.setString(1, facility);
            s.setString(2, node);
            s.setTimestamp(3, Timestamp.from(now));
            s.executeUpdate();
        }
        shipper = node;
        since = now;
        LOG.infof("This node (%s) ships the journal archive (lock %s)", node, name);
        return new Seen(true, true, node, now, -1);
    }

    /** Gives the lock up (a node that stops, a test): another node takes it at its next run. */
    synchronized void release() {
        if (held != null) {
            try (Statement s = held.createStatement()) {
                s.execute("DO RELEASE_LOCK('" + name + "')");
                s.execute("SET SESSION wait_timeout = @@GLOBAL.wait_timeout");
            } catch (SQLException | RuntimeException e) {
                // the session (or the pool, at shutdown) is gone, and the lock with it
            }
            drop();
            shipper = null;
        }
    }

    /** The node that ships, as last seen (null: not known yet, or the archive is not shipped from here). */
    String shipper() {
        return shipper;
    }

    Instant since() {
        return since;
    }

    boolean heldHere() {
        return held != null;
    }

    private void drop() {
        try {
            held.close();
        } catch (SQLException e) {
            // already broken
        }
        held = null;
    }
}
