package org.opdqueue.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.opdqueue.fuzz.FuzzCase.Caller;
import org.opdqueue.staff.LogInLocks;
import org.opdqueue.staff.LogInThrottle;
import org.opdqueue.support.Api;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

/**
 * Every operation of the app's own OpenAPI document, sent bad and edge input by every kind of caller: never a 5xx but
 * the documented 503s, never a stack trace, class name or SQL in an answer, every refusal of the JSON API a
 * problem+json (naming the field when a field was bad), and nothing stored from a refused request. The cases come from
 * a fixed seed ({@code -Dfuzz.seed=…} for another); a failure prints the case, enough to send it again.
 */
@QuarkusTest
class EndpointFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261130L);
    /** Every edge value on every operation ({@code -Dfuzz.every=true}: some minutes), not a seeded share of them. */
    private static final boolean EVERY = Boolean.getBoolean("fuzz.every");
    /** Only operations whose "METHOD /path" contains this, to repeat one failure quickly. */
    private static final String ONLY = System.getProperty("fuzz.only", "");

    /** Every table a request can write; a refused request must leave each count as it was. */
    private static final List<String> TABLES = List.of("token", "journal_entry", "idempotency_key", "token_number_sequence",
            "offline_reserve", "offline_refusal", "counter_offline_action", "paper_book", "paper_slip",
            "paper_number_sequence", "outage", "staff_user", "device", "service_point", "queue_state", "counter",
            "counter_service", "board", "board_service", "board_counter", "priority_category");

    /** A failed log-in is journaled on purpose (issue 12, item 10): the one entry a refused request leaves. */
    private static final String AUDIT_OF_REFUSALS = " WHERE type NOT IN ('STAFF_LOG_IN_FAILED', 'STAFF_LOG_IN_LOCKED')";

    /** What must never reach a client: a stack trace, a Java or framework class, SQL. */
    private static final Pattern LEAK = Pattern.compile("Exception|\\tat [\\w$.]+\\(|Caused by|\\bjava\\.(lang|util|sql|time)\\."
            + "|org\\.opdqueue|org\\.hibernate|io\\.quarkus|io\\.vertx|io\\.smallrye|com\\.fasterxml|org\\.mariadb|jakarta\\."
            + "|SQLState|SQL Error|ARJUNA|INSERT INTO|\\bSELECT\\b[^<>]{0,200}\\bFROM\\b|\\bUPDATE\\b \\w+ \\bSET\\b");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(EndpointFuzzTest.class);

    @Inject
    TestHospital hospital;

    @Inject
    DataSource database;

    @Inject
    LogInThrottle throttle;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<Caller, String> cookies = new java.util.EnumMap<>(Caller.class);
    private final Map<Caller, String> csrf = new java.util.EnumMap<>(Caller.class);
    private final Map<Caller, String> csrfCookies = new java.util.EnumMap<>(Caller.class);
    private String kioskKey;

    /** Its broken credentials count as failed log-ins from 127.0.0.1, where every other test logs in too. */
    @BeforeEach
    @AfterEach
    void liftLogInLocks() {
        LogInLocks.liftAll(throttle);
    }

    @Test
    void noEndpointAnswersAServerErrorALeakOrAnUnnamedFieldNorStoresARefusedRequest() throws Exception {
        long started = System.nanoTime();
        World world = world();
        logIn();
        ObjectNode doc = (ObjectNode) JSON.readTree(Api.as("admin", "admin123").get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString());
        int documented = 0;
        for (JsonNode byVerb : doc.path("paths")) {
            documented += byVerb.size();
        }
        int hidden = HiddenOperations.addTo(doc, EndpointFuzzTest.class.getClassLoader());
        FuzzCases generator = new FuzzCases(doc, SEED, EVERY, world::pathValue, world::field);
        java.nio.file.Path report = java.nio.file.Path.of("target", "endpoint-fuzz-failures.txt");

        Tally tally = new Tally(fingerprint());
        Map<String, Long> slowest = new TreeMap<>();
        int operations = 0;
        for (FuzzCases.Operation op : generator.operations()) {
            if (op.name().contains(ONLY) && !op.path().startsWith("/q/")) {
                long opStarted = System.nanoTime();
                fuzz(op, generator, tally);
                slowest.put(op.name(), Duration.ofNanos(System.nanoTime() - opStarted).toMillis());
                operations++;
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        LOG.infof("Endpoint fuzz (seed %d): %d operations (%d in the OpenAPI document, %d pages and forms it leaves out),"
                + " %d requests in %d s; answers by status %s", SEED, operations, documented, hidden, tally.requests,
                seconds, tally.statuses);
        LOG.infof("Slowest operations (ms): %s", slowest.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5).toList());
        List<String> failures = tally.failures;
        java.nio.file.Files.writeString(report, String.join("\n", failures));
        Map<String, Long> kinds = failures.stream().map(f -> f.substring(0, f.indexOf('\n')))
                .collect(Collectors.groupingBy(f -> f, TreeMap::new, Collectors.counting()));

        // the callers were really let in: the cases reached the endpoints, not only the log-in check
        Api.as("admin", "admin123").get("/api/offline-refusals").then().statusCode(200);
        assertThat(status(Caller.COUNTER, "GET", "/api/offline-refusals")).isEqualTo(200);
        assertThat(status(Caller.ADMIN, "GET", "/api/admin/setup")).isEqualTo(200);
        assertThat(failures).as("fuzz failures (seed %d): %d by kind %s, all in %s; the first 20:%n%s", SEED,
                failures.size(), kinds, report, String.join("\n", failures.subList(0, Math.min(20, failures.size()))))
                .isEmpty();
        assertThat(documented).as("operations in the OpenAPI document").isGreaterThan(30);
        assertThat(hidden).as("pages and forms left out of it").isGreaterThan(30);
    }

    /** What the run found so far, and the table counts after its last request. */
    private static final class Tally {
        final List<String> failures = new ArrayList<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        int requests;
        String before;

        Tally(String fingerprint) {
            this.before = fingerprint;
        }
    }

    /**
     * One operation: its plausible request from every caller, then each bent request. Most come from callers the
     * endpoint lets in, so they reach its validation; every fifth from one it refuses, so refusals are tried with every
     * kind of input too.
     */
    private void fuzz(FuzzCases.Operation op, FuzzCases generator, Tally tally) throws Exception {
        Set<Caller> allowed = EnumSet.noneOf(Caller.class);
        Set<Caller> accepted = EnumSet.noneOf(Caller.class);
        List<Caller> everyone = callersFor(op);
        FuzzCase plain = generator.baseline(op);
        for (Caller caller : everyone) {
            int status = send(plain.as(caller), tally, false);
            if (status >= 200 && status < 300) {
                accepted.add(caller);
            }
            if (status != 401 && status != 403 && status != 302) {
                allowed.add(caller);
            }
        }
        List<Caller> in = everyone.stream().filter(allowed::contains).toList();
        List<Caller> out = everyone.stream().filter(c -> !allowed.contains(c) && c != Caller.COUNTER_BASIC).toList();
        int i = 0;
        for (FuzzCase c : generator.mutations(op)) {
            List<Caller> pool = (i % 5 == 4 && !out.isEmpty()) || in.isEmpty() ? out : in;
            Caller who = pool.isEmpty() ? Caller.ANONYMOUS : pool.get((i / 5 + i) % pool.size());
            i++;
            // a 400 must name a bent field only where the unbent request was good: else it names what was wrong there
            send(c.as(who), tally, accepted.contains(who));
        }
    }

    /** Sends one case and checks its answer (a refused one must leave every table as it was); returns its status. */
    private int send(FuzzCase c, Tally tally, boolean mustNameField) throws Exception {
        FuzzCase numbered = new FuzzCase(tally.requests++, c.operation(), c.method(), c.path(), c.query(), c.headers(),
                c.contentType(), c.body(), c.caller(), c.mutation(), c.field());
        String before = tally.before;
        List<String> failures = tally.failures;
        Answer answer;
        try {
            answer = sendOnce(numbered);
        } catch (IllegalArgumentException e) {
            return 0; // a header java.net.http will not send (non-ASCII): no request was made
        } catch (java.io.IOException e) {
            failures.add("connection dropped without an answer (" + e.getMessage() + ")\n    " + numbered.describe());
            tally.before = fingerprint();
            return 0;
        }
        String after = fingerprint();
        int status = answer.status();
        String body = answer.body();
        String type = answer.contentType();
        List<String> wrong = new ArrayList<>();
        if (status >= 500 && !documented503(status, type, body)) {
            wrong.add(status + " server error");
        }
        Matcher leak = LEAK.matcher(body);
        if (leak.find()) {
            wrong.add("leaks '" + leak.group() + "'");
        }
        boolean api = c.path().startsWith("/api/");
        if (httpLayerRefusal(status, body, numbered)) {
            // Vert.x refuses an over-long request line or header block, or a broken %-escape in the request target,
            // itself: before any application code runs, with a bare status
        } else if (status >= 400 && status < 500 && api) {
            wrong.addAll(problemFaults(status, type, body, mustNameField ? numbered.field() : null));
        } else if (status >= 400 && status < 500 && !type.startsWith("text/html")
                && !type.startsWith("application/problem+json")) {
            wrong.add(status + " page answer as '" + type + "'");
        }
        if (status >= 400 && !after.equals(before)) {
            wrong.add("refused, yet stored: " + diff(before, after));
        }
        if (!wrong.isEmpty()) {
            String excerpt = body.length() > 400 ? body.substring(0, 400) + "…" : body;
            failures.add(String.join("; ", wrong) + "\n    " + numbered.describe() + "\n    answer " + status + " " + type
                    + ": " + excerpt.replaceAll("\\s+", " "));
        }
        tally.statuses.merge(status, 1, Integer::sum);
        tally.before = after;
        return status;
    }

    /**
     * Vert.x closes the connection after its own 414 or 431; the client may not have noticed yet and reuse it, which
     * fails before the request is sent. Such a request is sent once more; one that fails twice is a finding.
     */
    private Answer sendOnce(FuzzCase c) throws Exception {
        if (!isUri(c.target())) {
            return RawHttp.send(base, c.method(), c.target(), headersOf(c), bodyOf(c));
        }
        try {
            return Answer.of(http.send(request(c), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (java.io.IOException e) {
            return Answer.of(http.send(request(c), HttpResponse.BodyHandlers.ofByteArray()));
        }
    }

    private static boolean httpLayerRefusal(int status, String body, FuzzCase c) {
        return body.isEmpty() && (status == 414 || status == 431 || (status == 400 && !isUri(c.target())));
    }

    private static boolean documented503(int status, String type, String body) {
        return status == 503 && type.startsWith("application/problem+json")
                && (body.contains("/problems/degraded") || body.contains("/problems/overloaded"));
    }

    /** A JSON API refusal is problem+json with its status, and names the bad field when one field was bent. */
    private static List<String> problemFaults(int status, String type, String body, String field) {
        if (!type.startsWith("application/problem+json")) {
            return List.of(status + " not problem+json but '" + type + "'");
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (Exception e) {
            return List.of(status + " problem+json that is not JSON");
        }
        List<String> faults = new ArrayList<>();
        if (problem.path("status").asInt() != status || !problem.hasNonNull("type") || !problem.hasNonNull("title")) {
            faults.add(status + " problem without its status, type and title");
        }
        if (status == 400 && field != null && problem.path("type").asText().endsWith("/invalid-input")) {
            String leaf = field.replaceAll(".*[.\\]]", "");
            boolean named = false;
            for (JsonNode error : problem.path("errors")) {
                named |= error.path("field").asText().contains(leaf);
            }
            if (!named) {
                faults.add("400 for field " + field + " does not name it in errors");
            }
        }
        return faults;
    }

    /** A status, a Content-Type and a body, from java.net.http or from {@link RawHttp}. */
    record Answer(int status, String contentType, String body) {
        static Answer of(HttpResponse<byte[]> r) {
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static boolean isUri(String target) {
        try {
            URI.create(target);
            return true;
        } catch (IllegalArgumentException e) {
            return false; // a broken %-escape, which only a raw request can carry
        }
    }

    private HttpRequest request(FuzzCase c) {
        byte[] body = bodyOf(c);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + c.target()))
                .timeout(Duration.ofSeconds(30))
                .method(c.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headersOf(c).forEach(request::header);
        return request.build();
    }

    private byte[] bodyOf(FuzzCase c) {
        byte[] body = c.body();
        if (body != null && cookies.containsKey(c.caller()) && String.valueOf(c.contentType())
                .startsWith("application/x-www-form-urlencoded")) {
            // a logged-in browser's form carries its session's CSRF token, so the form's own checks are reached
            String token = (body.length > 0 ? "&" : "") + "csrf-token=" + FuzzCases.encode(csrf.get(c.caller()));
            byte[] withToken = java.util.Arrays.copyOf(body, body.length + token.length());
            System.arraycopy(token.getBytes(StandardCharsets.US_ASCII), 0, withToken, body.length, token.length());
            body = withToken;
        }
        return body;
    }

    private Map<String, String> headersOf(FuzzCase c) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Accept", "application/json, application/problem+json, text/html");
        if (c.contentType() != null) {
            headers.put("Content-Type", c.contentType());
        }
        String cookie = cookies.get(c.caller());
        if (cookie != null) {
            headers.put("Cookie", "quarkus-credential=" + cookie + "; csrf-token=" + csrfCookies.get(c.caller()));
        }
        if (c.caller() == Caller.COUNTER_BASIC) {
            headers.put("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((Api.STAFF_USER + ":" + Api.STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        } else if (c.caller() == Caller.KIOSK) {
            headers.put("Authorization", "Device " + kioskKey);
        }
        headers.putAll(c.headers());
        return headers;
    }

    /** Logging out would end the session the later cases use: the log-out is tried by the anonymous caller only. */
    private static List<Caller> callersFor(FuzzCases.Operation op) {
        if (op.path().startsWith("/logout")) {
            return List.of(Caller.ANONYMOUS);
        }
        return List.of(Caller.values());
    }

    private int status(Caller who, String method, String path) throws Exception {
        FuzzCase c = new FuzzCase(0, "check", method, path, null, Map.of(), null, null, who, "check", null);
        return http.send(request(c), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The log-in cookie of each staff role, and the CSRF token of its session, as a browser holds them. */
    private void logIn() {
        Map<Caller, String[]> users = Map.of(Caller.ADMIN, new String[] { "admin", "admin123" },
                Caller.REGISTRAR, new String[] { "registrar", "registrar123" },
                Caller.COUNTER, new String[] { Api.STAFF_USER, Api.STAFF_PASSWORD });
        users.forEach((caller, user) -> {
            StaffSession session = StaffSession.logIn(user[0], user[1]);
            cookies.put(caller, session.credential());
            session.open("/account/password");
            assertThat(session.csrfToken()).as("CSRF token of %s's form", user[0]).isNotNull();
            csrf.put(caller, session.csrfToken());
            csrfCookies.put(caller, session.csrfCookie());
        });
    }

    /** What the plausible requests point at: the test's own service, counter, token, board and kiosks. */
    private World world() {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long board = hospital.board(List.of(service), List.of(counter));
        String kiosk = hospital.kiosk();
        String otherKiosk = hospital.kiosk();
        var enrolled = Api.enrol(kiosk);
        kioskKey = enrolled.getString("key");
        var token = Api.issue(service);
        long paperBook = Api.as("admin", "admin123").contentType(ContentType.JSON)
                .body(Map.of("serviceCode", service, "slips", 500)).post("/api/paper/books").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        return new World(service, counter, board, kiosk, otherKiosk, enrolled.getString("series"), token.getLong("id"),
                token.getString("code"), paperBook);
    }

    private record World(String service, long counter, long board, String kiosk, String otherKiosk, String series,
            long token, String tokenCode, long paperBook) {

        String pathValue(String path, String name) {
            return switch (name) {
                case "counterId" -> String.valueOf(counter);
                case "boardId" -> String.valueOf(board);
                case "serviceCode" -> service;
                // the fuzzed kiosk's own key must keep working: credential changes go to the other kiosk
                case "code" -> path.startsWith("/api/devices") ? (path.endsWith("/reserve") ? kiosk : otherKiosk)
                        : path.startsWith("/t/") ? tokenCode : service;
                // admin pages post to ids that do not exist, so an accepted form never changes the demo hospital
                case "id" -> path.startsWith("/api/tokens") ? String.valueOf(token)
                        : path.startsWith("/api/paper") ? String.valueOf(paperBook) : "999999999";
                default -> "1";
            };
        }

        JsonNode field(String path, String name) {
            JsonNodeFactory json = JsonNodeFactory.instance;
            return switch (name) {
                case "serviceCode", "service" -> json.textNode(service);
                // a slip of the test's own paper book, a number of its own queue elsewhere
                case "number" -> json.textNode(service + (path.startsWith("/api/paper") ? "-P0001" : "-001"));
                case "slips" -> json.numberNode(5);
                case "offlineNumber" -> json.textNode(service + "-" + series + "001");
                case "mobile" -> json.textNode("9876543210");
                case "priority" -> json.textNode("GENERAL");
                case "count" -> json.numberNode(3);
                case "age" -> json.numberNode(40);
                case "requeueAfter" -> json.numberNode(1);
                case "tokenId" -> json.numberNode(token);
                case "name" -> json.textNode("Fuzz Patient");
                case "abha" -> json.textNode("12-3456-7890-1234");
                case "uhid" -> json.textNode("UH/123");
                case "dryRun" -> json.booleanNode(true);
                case "issuedAt", "sentAt", "at" -> json.textNode(Instant.now().minusSeconds(30).toString());
                default -> null;
            };
        }
    }

    private String fingerprint() throws Exception {
        String sql = TABLES.stream().map(t -> "(SELECT COUNT(*) FROM " + t + ("journal_entry".equals(t) ? AUDIT_OF_REFUSALS : "") + ")")
                .collect(Collectors.joining(", ", "SELECT ", ""));
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            List<String> counts = new ArrayList<>();
            for (int i = 1; i <= TABLES.size(); i++) {
                counts.add(TABLES.get(i - 1) + "=" + rs.getLong(i));
            }
            return String.join(",", counts);
        }
    }

    private static String diff(String before, String after) {
        List<String> a = List.of(before.split(","));
        List<String> b = List.of(after.split(","));
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(a.get(i) + " → " + b.get(i).replaceAll(".*=", ""));
            }
        }
        return String.join(", ", changed);
    }
}
