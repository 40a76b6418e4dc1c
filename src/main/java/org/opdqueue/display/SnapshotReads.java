package org.opdqueue.display;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.limits.Allowance;
import org.opdqueue.limits.Limits;

/**
 * How many board snapshots one client address may read over HTTP a minute. The snapshot shows no more than a board on
 * the wall (numbers and counts), so it needs no key, but an unknown board id is read from the database each time and
 * a known one costs a serialisation: a flood is refused in memory before either. Kept by {@link Limits} like the
 * other limits without a log-in (a bounded set of addresses; one bucket per address for all nodes when Redis is
 * configured); a board refused here still gets its snapshot over its socket.
 */
@ApplicationScoped
public class SnapshotReads {

    private final Limits limits;
    private final Allowance perAddress;

    public SnapshotReads(OpdConfig config, Limits limits) {
        this.limits = limits;
        this.perAddress = Allowance.of("display-snapshot", config.display().snapshotsPerAddressPerMinute(),
                Duration.ofMinutes(1));
    }

    public void take(String address) {
        limits.take(perAddress, address, "This address has read as many board snapshots as a minute allows; "
                + "a board gets its own over its socket.");
    }
}
