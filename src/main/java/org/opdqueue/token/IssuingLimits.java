package org.opdqueue.token;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.limits.Allowance;
import org.opdqueue.limits.Limits;

/**
 * How fast each issuer may take tokens: a token bucket per kiosk, one per anonymous client address and one for all
 * anonymous clients together; staff are not limited (they log in, and the journal names them). Checked before any
 * database work, so a refused flood costs the database nothing. The buckets are kept by {@link Limits}: in memory
 * with one node (a restart forgets them, which costs an attacker a restart they cannot cause), in Redis shared by all
 * nodes with several. An attacker on the LAN can change address at will, so a node remembers a bounded number of
 * addresses, the least recently used forgotten, and the shared bucket caps what any number of addresses take together.
 */
@ApplicationScoped
public class IssuingLimits {

    private final Limits limits;
    private final Allowance kiosk;
    private final Allowance client;
    private final Allowance allAnonymous;

    @Inject
    public IssuingLimits(OpdConfig config, Limits limits) {
        this(limits, config.issuing().kiosk().perMinute(), config.issuing().anonymous().perClientPerHour(),
                config.issuing().anonymous().perMinute(), config.issuing().anonymous().clientsRemembered());
    }

    IssuingLimits(int kioskPerMinute, int perClientPerHour, int anonymousPerMinute, int clientsRemembered) {
        this(Limits.local(), kioskPerMinute, perClientPerHour, anonymousPerMinute, clientsRemembered);
    }

    IssuingLimits(Limits limits, int kioskPerMinute, int perClientPerHour, int anonymousPerMinute, int clientsRemembered) {
        this.limits = limits;
        this.kiosk = Allowance.of("issue-kiosk", kioskPerMinute, Duration.ofMinutes(1));
        this.client = Allowance.of("issue-client", perClientPerHour, Duration.ofHours(1)).remembering(clientsRemembered);
        this.allAnonymous = Allowance.of("issue-anonymous", anonymousPerMinute, Duration.ofMinutes(1));
    }

    /** How many client addresses this node keeps track of now (for the test that floods it with addresses). */
    long clientsKnown() {
        return limits.keysKnownHere(client);
    }

    /**
     * As {@link #take}, for the issue endpoint on its event loop: the shared Redis buckets are asked without holding
     * the thread (a kiosk's issue would otherwise always fall back to this node's own bucket there).
     */
    public CompletionStage<Void> takeLater(Issuer issuer) {
        return switch (issuer.kind()) {
            // the gateway is limited per source by the Scan & Share intake, before its signature is checked
            case STAFF, GATEWAY -> CompletableFuture.completedFuture(null);
            case KIOSK -> limits.takeLater(kiosk, issuer.name(), kioskRefusal(issuer));
            case ANONYMOUS -> limits.takeLater(client, issuer.name(), CLIENT_REFUSAL)
                    .thenCompose(taken -> limits.takeLater(allAnonymous, "all", ANONYMOUS_REFUSAL));
        };
    }

    /**
     * Takes one token's worth from the issuer's allowance, or refuses with a 429 saying when to come back; waits for
     * the answer (at most Redis's 50 ms), so only off the event loop.
     */
    public void take(Issuer issuer) {
        try {
            takeLater(issuer).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException refusal ? refusal : e;
        }
    }

    private static final String CLIENT_REFUSAL =
            "This device has taken as many tokens as one patient needs; ask at the registration counter.";
    private static final String ANONYMOUS_REFUSAL =
            "Too many tokens are being taken from phones just now; use a kiosk or the counter.";

    private static String kioskRefusal(Issuer issuer) {
        return "Kiosk " + issuer.name() + " has issued as many tokens as a kiosk can in a minute.";
    }
}
