package org.opdqueue.nodes;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A second app node in a JVM of its own: the app as the tests build it ({@link SecondNodeApp} is a Quarkus test
 * that only keeps the app running), so no packaged jar is needed and it runs inside {@code ./mvnw test}. Its database,
 * port and Redis come as the parent test gives them (system properties and the datasource environment variables).
 */
public final class SecondNode {

    private SecondNode() {
    }

    public static void main(String[] args) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass("org.opdqueue.nodes.SecondNodeApp")).build(), summary); // by name: Quarkus loads it
        summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 20);
        System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
    }
}
