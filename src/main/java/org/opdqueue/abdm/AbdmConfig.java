package org.opdqueue.abdm;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the Scan & Share intake behaves; what the hospital fills in is on the admin page ({@link AbdmSettings}). */
@ConfigMapping(prefix = "opd.abdm")
public interface AbdmConfig {

    /** A second share of the same ABHA address for the same service within this long gets the same token. */
    @WithDefault("PT30M")
    Duration rescanWithin();

    /** Shares one source address may post a minute (the gateway calls from a few addresses; a flood from the LAN is cut). */
    @WithDefault("300")
    int perSourcePerMinute();

    /** The first retry of a failed on-share callback; each next one waits twice as long, up to {@link #retryAtMost()}. */
    @WithDefault("PT2S")
    Duration retryFirst();

    @WithDefault("PT10M")
    Duration retryAtMost();

    /** Attempts after which an on-share is given up (it stays in the outbox table with its last error). */
    @WithDefault("20")
    int attemptsAtMost();

    /** How long a call to the gateway may take (keys, session, on-share). */
    @WithDefault("PT5S")
    Duration callTimeout();

    /** How often the on-share outbox is looked at for answers due (read by {@link OnShareOutbox}'s schedule). */
    @WithDefault("1s")
    String outboxEvery();

    /** A gateway JWT is still taken this long after its {@code exp}: the gateway's clock and ours differ a little. */
    @WithDefault("PT30S")
    Duration clockSkew();
}
