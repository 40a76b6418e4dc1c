package org.opdqueue.embedded;

import java.io.InputStream;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.hibernate.grammars.hql.HqlLexer;
import org.hibernate.grammars.hql.HqlParser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Start-up work that one thread does while another core idles: Quarkus starts on the main thread, one step after the
 * other, and two of its steps pay for code that runs for the first time. The first HQL statement builds the HQL
 * grammar's tables (the first start-up check's count took about 190 ms of the main thread) and the OpenAPI document
 * is read and written again as YAML and JSON (16 % of the main thread's samples). This thread does the same kinds of
 * work first, on the second core, so the main thread finds the grammar built and that code loaded and compiled.
 * Nothing it does is used: if it fails or is late, start-up only takes as long as before (like Spring Boot's
 * background pre-initializer).
 */
final class StartUpWarming {

    /** Statements of the shapes the start-up checks run (counts, a lookup by key, an update). */
    static final String[] HQL = {
            "select count(*) from PriorityCategory c where c.facility = ?1",
            "from NodeHeartbeat h where h.facility = ?1 and h.node = ?2 order by h.node",
            "update NodeHeartbeat h set h.beatAt = ?1 where h.facility = ?2 and h.node = ?3" };

    /** The document Quarkus stored at build time, which it reads at every start. */
    private static final String OPENAPI_DOCUMENT = "META-INF/quarkus-generated-openapi-doc.JSON";

    private StartUpWarming() {
    }

    static void begin() {
        Thread warming = new Thread(StartUpWarming::warm, "start-up-warming");
        warming.setDaemon(true);
        warming.start();
    }

    /** Parses one statement with the HQL grammar; the syntax errors it found (none for the statements above). */
    static int parse(String hql) {
        HqlParser parser = new HqlParser(new CommonTokenStream(new HqlLexer(CharStreams.fromString(hql))));
        parser.removeErrorListeners();
        parser.statement();
        return parser.getNumberOfSyntaxErrors();
    }

    private static void warm() {
        try {
            for (String hql : HQL) {
                parse(hql);
            }
            try (InputStream document = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(OPENAPI_DOCUMENT)) {
                if (document != null) {
                    // as SmallRye OpenAPI does at start: read with the YAML parser, written as YAML and as JSON
                    YAMLMapper yaml = new YAMLMapper();
                    JsonNode read = yaml.readTree(document);
                    yaml.writeValueAsString(read);
                    new ObjectMapper().writeValueAsString(read);
                }
            }
        } catch (Exception | LinkageError e) {
            // only a head start: whatever failed here, the start itself does again
        }
    }
}
