package org.opdqueue.nodes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import org.opdqueue.common.Facility;
import org.opdqueue.common.OpdConfig;

/**
 * Tells the other app nodes of a hospital, through Redis pub/sub, what they cannot read from the database: that this
 * node committed a journal entry (its seq, a hint: the entry itself they read from the journal) and a call relayed
 * while the database is away (the call itself: there is nowhere else to read it from). Without Redis configured it
 * does nothing and connects to nothing; while Redis is configured but unreachable the boards' feeds find the other
 * nodes' entries by reading the journal every {@code opd.redis.check-every} ({@link #way()} says "polling").
 */
@ApplicationScoped
public class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class);
    private static final long RECONNECT_MILLIS = 1000;
    private static final long PING_MILLIS = 2000;

    /** Another node committed journal entries up to this seq. */
    public record JournalHint(long seq) {
    }

    /**
     * A call relayed while the database is away: another node's, for this node's boards and for this node to journal
     * if the one that took it is gone when the database is back. {@code id} is given by the node that took it.
     */
    public record RelayedCall(String id, long counterId, String number, Instant at, String actor) {
    }

    private final Vertx vertx;
    private final Event<JournalHint> hints;
    private final Event<RelayedCall> relays;
    private final Optional<String> url;
    /** Which process sent a message: its own messages a node ignores (it has shown them already). */
    private final String node = UUID.randomUUID().toString();
    private final String journalChannel;
    private final String relayChannel;
    private Redis publisher;
    private Redis listener;
    private volatile RedisConnection subscriber;
    private volatile boolean stopped;

    public FanOut(Vertx vertx, Facility facility, OpdConfig config, Event<JournalHint> hints,
            Event<RelayedCall> relays) {
        this.vertx = vertx;
        this.hints = hints;
        this.relays = relays;
        this.url = redisUrl(config);
        this.journalChannel = "opd:" + facility.code() + ":journal";
        this.relayChannel = "opd:" + facility.code() + ":relay";
    }

    /** The Redis the nodes share ({@code opd.redis.url}, else {@code quarkus.redis.hosts}); empty for one node. */
    public static Optional<String> redisUrl(OpdConfig config) {
        return config.redis().url().filter(u -> !u.isBlank())
                .or(() -> ConfigProvider.getConfig().getOptionalValue("quarkus.redis.hosts", String.class));
    }

    void start(@Observes StartupEvent start) {
        url.ifPresent(u -> {
            publisher = Redis.createClient(vertx, new RedisOptions().setConnectionString(u).setMaxPoolWaiting(100));
            listener = Redis.createClient(vertx, new RedisOptions().setConnectionString(u));
            subscribe();
        });
    }

    void stop(@Observes ShutdownEvent stop) {
        stopped = true;
        RedisConnection s = subscriber;
        if (s != null) {
            s.close();
        }
        if (publisher != null) {
            publisher.close();
            listener.close();
        }
    }

    /** "redis" while hints come through Redis, else "polling": the feeds then find other nodes' entries by reading. */
    public String way() {
        return subscriber != null ? "redis" : "polling";
    }

    /** Whether Redis is configured at all (one node needs none). */
    public boolean configured() {
        return url.isPresent();
    }

    /** This node committed journal entries up to {@code seq}. Fire and forget: a lost hint costs one check's delay. */
    public void committed(long seq) {
        publish(journalChannel, node + " " + seq);
    }

    /**
     * As text, "node counterId time number id actor": a relayed number is letters, digits and a dash, the id a UUID;
     * the actor (a staff log-in name) last, whatever it holds.
     */
    public void relayed(RelayedCall call) {
        publish(relayChannel, node + " " + call.counterId() + " " + call.at() + " " + call.number() + " " + call.id()
                + " " + call.actor());
    }

    private void publish(String channel, String message) {
        if (publisher == null || subscriber == null) {
            return; // not configured, or down: the other nodes read the journal meanwhile
        }
        publisher.send(Request.cmd(Command.PUBLISH).arg(channel).arg(message))
                .onSuccess(heard -> LOG.debugf("Published on %s to %s nodes: %s", channel, heard, message))
                .onFailure(e -> LOG.debugf("Redis did not take a hint: %s", e.getMessage()));
    }

    /** One connection of its own listens; when it ends, the feeds poll, and it is opened again every second. */
    private void subscribe() {
        if (stopped) {
            return;
        }
        listener.connect()
                .compose(c -> {
                    c.handler(this::received);
                    c.exceptionHandler(e -> lost(c, e.getMessage()));
                    c.endHandler(v -> lost(c, "connection closed"));
                    return c.send(Request.cmd(Command.SUBSCRIBE).arg(journalChannel).arg(relayChannel)).map(c);
                })
                .onSuccess(c -> {
                    LOG.infof("Board fan-out through Redis (%s)", journalChannel);
                    subscriber = c;
                    ping(c);
                })
                .onFailure(e -> {
                    LOG.debugf("Redis not reachable (%s); boards follow the journal by polling", e.getMessage());
                    vertx.setTimer(RECONNECT_MILLIS, t -> subscribe());
                });
    }

    /**
     * A Redis that froze closes no socket: a ping not answered within a second counts as Redis lost. Sent on the
     * publishing connections: on the subscribed one a PONG comes as a message, and the command would never complete.
     */
    private void ping(RedisConnection c) {
        vertx.setTimer(PING_MILLIS, t -> {
            if (subscriber != c) {
                return;
            }
            long timeout = vertx.setTimer(1000, late -> lost(c, "no answer to a ping within 1 s"));
            publisher.send(Request.cmd(Command.PING)).onComplete(answer -> {
                vertx.cancelTimer(timeout);
                if (answer.succeeded()) {
                    ping(c);
                } else {
                    lost(c, answer.cause().getMessage());
                }
            });
        });
    }

    private synchronized void lost(RedisConnection c, String why) {
        if (subscriber != c) {
            return;
        }
        subscriber = null;
        LOG.warnf("Redis lost (%s): boards follow the other nodes' calls by reading the journal until it is back", why);
        c.close();
        vertx.setTimer(RECONNECT_MILLIS, t -> subscribe());
    }

    /** A pub/sub message is ["message", channel, payload], in RESP2 and RESP3 alike. */
    private void received(Response message) {
        if (message.size() < 3 || !"message".equals(message.get(0).toString())) {
            return;
        }
        String channel = message.get(1).toString();
        String payload = message.get(2).toString();
        try {
            if (journalChannel.equals(channel)) {
                int space = payload.indexOf(' ');
                if (!payload.substring(0, space).equals(node)) {
                    hints.fire(new JournalHint(Long.parseLong(payload.substring(space + 1))));
                }
            } else if (relayChannel.equals(channel)) {
                String[] relay = payload.split(" ", 6);
                if (!node.equals(relay[0])) {
                    RelayedCall call = new RelayedCall(relay[4], Long.parseLong(relay[1]), relay[3],
                            Instant.parse(relay[2]), relay[5]);
                    // off the event loop: showing it may look up the counter's name, keeping it is a journal write
                    // when this node reaches the database; in order, as relayed
                    vertx.executeBlocking(() -> {
                        relays.fire(call);
                        return null;
                    }, true).onFailure(e -> LOG.warnf("A call relayed by another node was not shown: %s", e));
                }
            }
        } catch (Exception e) {
            LOG.warnf("Ignored a Redis message on %s (%s): %s", channel, payload, e);
        }
    }
}
