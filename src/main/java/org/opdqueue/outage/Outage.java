package org.opdqueue.outage;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One period in which the hall worked without the system: the database or the server was down. */
@Entity
@Table(name = "outage")
public class Outage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    @Enumerated(EnumType.STRING)
    public OutageKind kind = OutageKind.DATABASE;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public String cause;

    @Column(name = "relayed_calls")
    public int relayedCalls;

    /** The app nodes that saw it, by name, comma-separated; null for outages recorded before nodes were named. */
    public String nodes;

    public List<String> nodeNames() {
        return nodes == null || nodes.isBlank() ? List.of() : List.of(nodes.split(",\\s*"));
    }
}
