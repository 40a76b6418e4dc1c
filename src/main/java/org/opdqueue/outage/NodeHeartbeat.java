package org.opdqueue.outage;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The last sign of life of one server process (node) of a hospital. */
@Entity
@Table(name = "server_heartbeat")
@IdClass(NodeHeartbeat.Key.class)
public class NodeHeartbeat extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String facility;
        public String node;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(facility, k.facility) && Objects.equals(node, k.node);
        }

        @Override
        public int hashCode() {
            return Objects.hash(facility, node);
        }
    }

    @Id
    public String facility;

    @Id
    public String node;

    @Column(name = "beat_at")
    public Instant beatAt;

    /** The last beat was written by a clean shutdown. */
    public boolean stopped;

    static Optional<NodeHeartbeat> of(String facility, String node) {
        return find("facility = ?1 and node = ?2", facility, node).firstResultOptional();
    }

    /** One UPDATE per beat; only a node's very first beat inserts its row. */
    static void beat(String facility, String node, Instant at, boolean stopped) {
        if (update("beatAt = ?1, stopped = ?2 where facility = ?3 and node = ?4", at, stopped, facility, node) == 0) {
            NodeHeartbeat first = new NodeHeartbeat();
            first.facility = facility;
            first.node = node;
            first.beatAt = at;
            first.stopped = stopped;
            first.persist();
        }
    }
}
