package org.opdqueue.embedded;

import java.io.InputStream;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.hibernate.grammars.hql.HqlLexer;
import org.hibernate.grammars.hql.HqlParser;
import org.hibernate.validator.PredefinedScopeHibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Start-up work that one thread does while another core idles: Quarkus starts on the main thread, one step after the
 * other, and three of its steps pay for code that runs for the first time. The validator factory for the requests is
 * built (10 % of the main thread's samples), the OpenAPI document is read and written again as YAML and JSON (16 %),
 * and the first HQL statement builds the HQL grammar's tables (the first start-up check's count took about 190 ms).
 * This thread does the same kinds of work first, on the second core, so the main thread finds that code loaded and
 * compiled and the grammar built.
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

    /**
     * Builds and uses a small validator factory of the kind Quarkus builds for the requests' bodies (predefined
     * scope, its annotations read by reflection), so Hibernate Validator's classes are loaded and its code compiled
     * when the main thread builds the real one (10 % of the main thread's samples).
     */
    static void warmValidation() {
        try (ValidatorFactory factory = Validation.byProvider(PredefinedScopeHibernateValidator.class).configure()
                .builtinConstraints(Set.of(NotNull.class.getName(), NotBlank.class.getName(), Size.class.getName(),
                        Pattern.class.getName(), Min.class.getName(), Max.class.getName()))
                .initializeBeanMetaData(Set.of(Sample.class))
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()) {
            factory.getValidator().validate(new Sample(null, "", 0));
        }
    }

    /** A body with the constraints the API's requests use most. */
    record Sample(@NotNull String requestId, @NotBlank @Size(max = 16) @Pattern(regexp = "[A-Z]+") String serviceCode,
            @Min(1) @Max(9) int count) {
    }

    /** In the order the main thread comes to them: the validator factory, the OpenAPI document, the first query. */
    private static void warm() {
        quietly(StartUpWarming::warmValidation);
        quietly(StartUpWarming::warmOpenApiDocument);
        quietly(() -> {
            for (String hql : HQL) {
                parse(hql);
            }
        });
    }

    /** As SmallRye OpenAPI does at start: the stored document read with the YAML parser, written as YAML and JSON. */
    private static void warmOpenApiDocument() throws java.io.IOException {
        try (InputStream document = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(OPENAPI_DOCUMENT)) {
            if (document != null) {
                YAMLMapper yaml = new YAMLMapper();
                JsonNode read = yaml.readTree(document);
                yaml.writeValueAsString(read);
                new ObjectMapper().writeValueAsString(read);
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            // only a head start: whatever failed here, the start itself does again
        }
    }
}
