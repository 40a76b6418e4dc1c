package org.opdqueue.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * Accessibility checks with axe-core (4.14.1, vendored from npm under src/test/resources/axe, MPL-2.0), run inside the
 * page the browser test has open. Evaluated through the DevTools protocol, so the pages' Content-Security-Policy,
 * which forbids inline scripts, does not have to be loosened for the test.
 */
public final class Axe {

    private static String source;

    private Axe() {
    }

    /** One violation as axe reports it: the rule, its impact, and up to five of the elements it found. */
    public record Violation(String rule, String impact, String help, List<String> elements) {
        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + "): " + elements;
        }
    }

    /** The serious and critical violations on the page as it is now; an empty list means none. */
    @SuppressWarnings("unchecked")
    public static List<Violation> seriousOrCritical(Page page) {
        page.evaluate(source());
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ rule: v.id, impact: v.impact, help: v.help,
                                 elements: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))
                """);
        return found.stream()
                .map(v -> new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                        (List<String>) v.get("elements")))
                .toList();
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
