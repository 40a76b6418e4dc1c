package org.opdqueue.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bad and edge requests for every operation of the app's own OpenAPI document: each starts from a plausible request
 * (path and body values the test supplies, so it reaches the endpoint's logic) and bends one thing: a path or query
 * parameter, one body field, the whole body, its Content-Type, or a credential header. Same document and seed, same
 * cases in the same order.
 */
final class FuzzCases {

    static final String HUGE = "a".repeat(100_000);
    /** Under Vert.x' 4 KB request-line limit, so it reaches the endpoint rather than the HTTP layer. */
    static final String LONG_PATH_VALUE = "9".repeat(3_000);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Raw JSON that is a value of every type but the expected one. */
    private static final List<String> TYPE_SWAPS = List.of("null", "true", "\"text\"", "123", "[]", "[1,2]", "{}",
            "{\"a\":{\"b\":[]}}");
    private static final List<String> NUMBER_EDGES = List.of("0", "-1", "-2147483649", "2147483648",
            "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e309", "-1e309", "1.5", "1e-400",
            "\"12\"", "\"-0\"", "\"१२\"");
    private static final List<String> DATE_EDGES = List.of("\"+1000000000-01-01T00:00:00Z\"",
            "\"-1000000000-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59.999999999Z\"", "\"0000-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59Z\"", "\"1970-01-01T00:00:00Z\"", "\"2026-02-30T10:00:00Z\"", "\"2026-13-45T25:61:61Z\"",
            "\"2026-11-30\"", "\"2026-11-30T10:00:00\"", "\"yesterday\"", "1e18", "-1e18", "9223372036854775807",
            "1.0e-9");
    private static final List<String> STRING_EDGES = List.of("", "   ", HUGE, "\u0000", "a\u0000b",
            "\u0001\u0007\u001b[31m\r\n\t", "रामेश्वर प्रसाद 😀 مرحبا \u202e", "\\ud800", "<script>alert(1)</script>",
            "' OR 1=1 --", "%s%n%x", "${jndi:ldap://127.0.0.1/x}", "-1", "99999999999999999999", "NaN",
            "+1000000000-01-01T00:00:00Z", "MED-", "-", "0000-0000");
    private static final List<String> MALFORMED_BODIES = List.of("", "{", "}", "[", "]", "null", "[]", "\"text\"",
            "123", "true", "{\"a\":}", "{,}", "{\"a\" 1}", "\uFEFF{}", "{\"x\":1}{\"y\":2}", "{}garbage",
            "{'single':'quotes'}", "{\"a\":\"\u0000\"}", "{\"a\":NaN}", "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":" + "1".repeat(20_000) + "}", "{\"a\":1e999999999}");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=nonsense",
            "application/json; charset=UTF-16", "*/*", "application/problem+json", "garbage", "application/json;;;");
    private static final List<String> PATH_EDGES = List.of("abc", "-1", "0", "1.5", "1e3", "99999999999999999999",
            "9223372036854775807", "-9223372036854775808", "\u0000", " ", "1;DROP TABLE token", "../../etc/passwd",
            "१२३", "😀", "%", LONG_PATH_VALUE, HUGE);
    private static final List<String> QUERY_EDGES = List.of("", "abc", "-1", "99999999999999999999", "\u0000",
            "रामेश्वर", "%zz", HUGE.substring(0, 3_000), "true", "[]");
    /** Broken credentials, never a real user's wrong password: a log-in limit must not lock the demo users out. */
    private static final List<Map.Entry<String, String>> HEADER_EDGES = List.of(
            Map.entry("Authorization", "Basic !!!not-base64!!!"),
            Map.entry("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))),
            Map.entry("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(("fuzz-nobody:" + HUGE.substring(0, 3_000)).getBytes(StandardCharsets.UTF_8))),
            Map.entry("Authorization", "Device ."),
            Map.entry("Authorization", "Device nodot"),
            Map.entry("Authorization", "Device " + "K".repeat(4_000) + ".x"),
            Map.entry("Authorization", "Device \u00e9\u00e9.\u00e9"),
            Map.entry("Authorization", "Bearer abc.def.ghi"),
            Map.entry("Cookie", "quarkus-credential=garbage"),
            Map.entry("Cookie", "csrf-token=x"),
            Map.entry("Cookie", "quarkus-credential=" + HUGE.substring(0, 3_000)),
            Map.entry("Accept", "application/xml"),
            Map.entry("Accept", "garbage;;;q=x"));

    /** One operation of the document: its path template, method, parameters and request body. */
    record Operation(String method, String path, List<Parameter> parameters, String bodyType, JsonNode bodySchema) {
        String name() {
            return method + " " + path;
        }
    }

    record Parameter(String name, String in, JsonNode schema) {
    }

    private final JsonNode doc;
    private final boolean every;
    private final Random random;
    private final BiFunction<String, String, String> pathValues;
    private final BiFunction<String, String, JsonNode> knownFields;
    private final List<FuzzCase> cases = new ArrayList<>();

    /**
     * @param pathValues a real value for a path parameter (path template, name), so the rest of a request is tried
     *        against something that exists
     * @param knownFields a plausible value for a body field or query parameter (path template, name), or null to
     *        derive one from its schema
     */
    FuzzCases(JsonNode doc, long seed, boolean every, BiFunction<String, String, String> pathValues,
            BiFunction<String, String, JsonNode> knownFields) {
        this.doc = doc;
        this.every = every;
        this.random = new Random(seed);
        this.pathValues = pathValues;
        this.knownFields = knownFields;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : method.getValue().path("parameters")) {
                    parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(), resolve(p.path("schema"))));
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                Iterator<Map.Entry<String, JsonNode>> content = method.getValue().path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    bodyType = first.getKey();
                    bodySchema = resolve(first.getValue().path("schema"));
                }
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, bodyType, bodySchema));
            }
        }
        return operations;
    }

    /** The plausible request of an operation, unbent. */
    FuzzCase baseline(Operation op) {
        return new Case(op).build("baseline", null);
    }

    /** Every bent request of one operation. */
    List<FuzzCase> mutations(Operation op) {
        cases.clear();
        for (Parameter p : op.parameters()) {
            if ("path".equals(p.in())) {
                for (String v : some(PATH_EDGES, 10, "abc", "-1", "99999999999999999999", "\u0000", LONG_PATH_VALUE, HUGE)) {
                    add(new Case(op).path(p.name(), v), "path " + p.name() + "=" + shortly(v), null);
                }
            } else if ("query".equals(p.in())) {
                for (String v : some(QUERY_EDGES, 5, "\u0000", "%zz")) {
                    add(new Case(op).query(p.name() + "=" + encode(v)), "query " + p.name() + "=" + shortly(v), null);
                }
                String one = p.name() + "=" + encode(queryValue(op, p));
                add(new Case(op).query(String.join("&", java.util.Collections.nCopies(3, one))), "query " + p.name()
                        + " three times", null);
                add(new Case(op).query(String.join("&", java.util.Collections.nCopies(3_000 / one.length(), one))),
                        "query " + p.name() + " " + 3_000 / one.length() + " times", null);
                add(new Case(op).query(String.join("&", java.util.Collections.nCopies(5_000 / one.length(), one))),
                        "query " + p.name() + " over the request-line limit", null);
            }
        }
        add(new Case(op).query("unknown=1&unknown=2&" + encode("ü\u0000") + "=" + encode("x")), "unknown query parameters",
                null);
        add(new Case(op).query("a=%zz&%=1"), "query not percent-encoded", null);
        some(HEADER_EDGES, 4).forEach(h -> add(new Case(op).header(h.getKey(), h.getValue()),
                "header " + h.getKey() + ": " + shortly(h.getValue()), null));
        if (op.bodyType() != null) {
            bodyMutations(op);
        }
        return List.copyOf(cases);
    }

    private void bodyMutations(Operation op) {
        boolean json = op.bodyType().contains("json");
        if (json) {
            for (String b : some(MALFORMED_BODIES, 12, "{", "\uFEFF{}", "[".repeat(5_000) + "]".repeat(5_000))) {
                add(new Case(op).rawBody(b), "malformed body " + shortly(b), null);
            }
            add(new Case(op).rawBytes(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }),
                    "invalid UTF-8", null);
        }
        for (String t : some(CONTENT_TYPES, 5, "garbage", "*/*", "multipart/form-data; boundary=x")) {
            add(new Case(op).contentType(t), "content type " + t, null);
        }
        add(new Case(op).contentType(null), "no content type", null);
        add(new Case(op).rawBody(null), "no body", null);
        JsonNode schema = op.bodySchema();
        if (json && schema.has("properties")) {
            ObjectNode base = (ObjectNode) sample(op.path(), "", schema, 0);
            add(new Case(op).json(JSON.objectNode()), "empty object", null);
            for (JsonNode required : schema.path("required")) {
                ObjectNode without = base.deepCopy();
                without.remove(required.asText());
                add(new Case(op).json(without), "without required " + required.asText(), required.asText());
            }
            ObjectNode extra = base.deepCopy();
            extra.put("unknownField", 1).put("__proto__", "x").putObject("constructor").put("prototype", 1);
            add(new Case(op).json(extra), "unknown fields", null);
            ObjectNode many = base.deepCopy();
            for (int i = 0; i < 2_000; i++) {
                many.put("f" + i, i);
            }
            add(new Case(op).json(many), "2000 unknown fields", null);
            fieldMutations(op, base, schema, "", base);
        } else if (!json) {
            formMutations(op, schema);
        }
    }

    /** Puts each edge value into each field, one at a time, down into nested objects and the first array item. */
    private void fieldMutations(Operation op, ObjectNode root, JsonNode schema, String prefix, ObjectNode at) {
        for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext();) {
            Map.Entry<String, JsonNode> prop = props.next();
            String field = prefix + prop.getKey();
            JsonNode fieldSchema = resolve(prop.getValue());
            for (String raw : edgesFor(fieldSchema)) {
                String body = replaceField(root, at, prop.getKey(), raw);
                add(new Case(op).rawBody(body), "field " + field + "=" + shortly(raw), field);
            }
            JsonNode value = at.get(prop.getKey());
            if (value instanceof ObjectNode nested) {
                fieldMutations(op, root, fieldSchema, field + ".", nested);
            } else if (value instanceof ArrayNode array) {
                JsonNode items = resolve(fieldSchema.path("items"));
                if (array.size() > 0 && array.get(0) instanceof ObjectNode item) {
                    fieldMutations(op, root, items, field + "[0].", item);
                }
                arrayMutations(op, root, at, prop.getKey(), field, array, fieldSchema);
            }
        }
    }

    private void arrayMutations(Operation op, ObjectNode root, ObjectNode at, String key, String field, ArrayNode array,
            JsonNode schema) {
        JsonNode original = at.get(key);
        ArrayNode withNull = array.deepCopy().addNull();
        ArrayNode oversized = JSON.arrayNode();
        int max = schema.path("maxItems").asInt(1_000);
        for (int i = 0; i <= max && array.size() > 0; i++) {
            oversized.add(array.get(0).deepCopy());
        }
        for (ArrayNode bent : List.of(withNull, JSON.arrayNode().add("text").add(1), oversized)) {
            at.set(key, bent);
            add(new Case(op).json(root.deepCopy()), "array " + field + " with " + (bent == oversized ? (max + 1) + " items"
                    : bent.toString()), field);
        }
        at.set(key, original);
    }

    /** Form posts start empty (so nothing valid is ever created) and get one field at a time, or one twice. */
    private void formMutations(Operation op, JsonNode schema) {
        for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext();) {
            String name = names.next();
            for (String value : some(STRING_EDGES, 6, HUGE, "\u0000")) {
                if (value.startsWith("\\u")) {
                    continue;
                }
                add(new Case(op).rawBody(name + "=" + encode(value)), "form " + name + "=" + shortly(value), name);
            }
            add(new Case(op).rawBody(name + "=1&" + name + "=2&" + name + "="), "form " + name + " three times", name);
        }
        add(new Case(op).rawBody("%zz=%&&=&" + encode("ü\u0000") + "=1"), "form undecodable", null);
    }

    private List<String> edgesFor(JsonNode schema) {
        List<String> edges = new ArrayList<>(some(TYPE_SWAPS, 3));
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (schema.has("enum")) {
            edges.addAll(List.of("\"\"", "\"UNKNOWN\"", quote(schema.path("enum").get(0).asText().toLowerCase()),
                    quote(HUGE)));
        } else if ("date-time".equals(format) || "date".equals(format)) {
            edges.addAll(DATE_EDGES);
        } else if ("uuid".equals(format)) {
            edges.addAll(List.of("\"\"", "\"not-a-uuid\"", "\"00000000-0000-0000-0000-000000000000\"",
                    "\"" + new UUID(0x1234L, 0x5678L).toString().toUpperCase() + "\"", quote(HUGE), "\"{" + new UUID(0, 1) + "}\""));
        } else if ("integer".equals(type) || "number".equals(type)) {
            edges.addAll(some(NUMBER_EDGES, 6, "-1", "18446744073709551616", "1e309"));
        } else if ("string".equals(type)) {
            some(STRING_EDGES, 6, HUGE, "\u0000").forEach(s -> edges.add(s.startsWith("\\u") ? "\"" + s + "\"" : quote(s)));
        }
        return edges;
    }

    /** A plausible value for a schema: the test's known value for the field name, else one derived from the type. */
    JsonNode sample(String path, String name, JsonNode schema, int depth) {
        schema = resolve(schema);
        JsonNode known = knownFields.apply(path, name);
        if (known != null) {
            return known;
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String format = schema.path("format").asText();
        switch (schema.path("type").asText()) {
            case "string":
                if ("uuid".equals(format)) {
                    return JSON.textNode(new UUID(random.nextLong(), random.nextLong()).toString());
                }
                if ("date-time".equals(format)) {
                    return JSON.textNode(Instant.now().minusSeconds(60).toString());
                }
                return JSON.textNode("fuzz");
            case "integer":
            case "number":
                return JSON.numberNode(1);
            case "boolean":
                return JSON.booleanNode(false);
            case "array":
                return JSON.arrayNode().add(sample(path, name, schema.path("items"), depth + 1));
            default:
                ObjectNode object = JSON.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(
                            p -> object.set(p.getKey(), sample(path, p.getKey(), p.getValue(), depth + 1)));
                }
                return object;
        }
    }

    private String queryValue(Operation op, Parameter p) {
        JsonNode known = knownFields.apply(op.path(), p.name());
        return known != null ? known.asText() : sample(op.path(), p.name(), p.schema(), 0).asText();
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            return doc.at(ref.substring(1));
        }
        if (schema.has("allOf")) {
            return resolve(schema.path("allOf").get(0));
        }
        return schema;
    }

    /**
     * A seeded choice of {@code count} of the edge values, always with the ones given, in their order: every value is
     * tried on some operations, and the run stays short. With {@code every}, all of them everywhere.
     */
    @SafeVarargs
    private <T> List<T> some(List<T> values, int count, T... always) {
        if (every || values.size() <= count) {
            return values;
        }
        List<T> chosen = new ArrayList<>(List.of(always));
        List<T> rest = new ArrayList<>(values);
        rest.removeAll(chosen);
        java.util.Collections.shuffle(rest, random);
        chosen.addAll(rest.subList(0, Math.max(0, Math.min(rest.size(), count - chosen.size()))));
        return values.stream().filter(chosen::contains).toList();
    }

    private void add(Case c, String mutation, String field) {
        cases.add(c.build(mutation, field));
    }

    /** The document with one field's value replaced by raw JSON text (which Jackson's tree could not hold). */
    private static String replaceField(ObjectNode root, ObjectNode at, String key, String raw) {
        JsonNode original = at.get(key);
        String marker = "\"__fuzz_" + Integer.toHexString(raw.hashCode()) + "__\"";
        at.set(key, JSON.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(marker)));
        String text;
        try {
            text = MAPPER.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            at.set(key, original);
        }
        return text.replace(marker, raw);
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shortly(String s) {
        String shown = s.length() > 40 ? s.substring(0, 20) + "…(" + s.length() + " chars)" : s;
        return shown.replaceAll("\\p{Cntrl}", "·");
    }

    /** A request under construction: the operation's plausible request, with whatever was bent. */
    private final class Case {
        private final Operation op;
        private final Map<String, String> pathOverrides = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String query;
        private String contentType;
        private byte[] body;

        Case(Operation op) {
            this.op = op;
            this.contentType = op.bodyType();
            if (op.bodyType() != null) {
                if (op.bodyType().contains("json") && op.bodySchema().has("properties")) {
                    body = sample(op.path(), "", op.bodySchema(), 0).toString().getBytes(StandardCharsets.UTF_8);
                } else if (op.bodyType().contains("json")) {
                    body = "{}".getBytes(StandardCharsets.UTF_8);
                } else {
                    body = new byte[0];
                }
            }
            List<String> params = new ArrayList<>();
            for (Parameter p : op.parameters()) {
                if ("query".equals(p.in()) && knownFields.apply(op.path(), p.name()) != null) {
                    params.add(p.name() + "=" + encode(queryValue(op, p)));
                }
            }
            this.query = String.join("&", params);
        }

        Case path(String name, String value) {
            pathOverrides.put(name, value);
            return this;
        }

        Case query(String q) {
            this.query = q;
            return this;
        }

        Case header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Case contentType(String type) {
            this.contentType = type;
            return this;
        }

        Case rawBody(String text) {
            this.body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Case rawBytes(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        Case json(JsonNode node) {
            return rawBody(node.toString());
        }

        FuzzCase build(String mutation, String field) {
            StringBuilder path = new StringBuilder();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]*)?\\}").matcher(op.path());
            while (m.find()) {
                String name = m.group(1).strip();
                String value = pathOverrides.getOrDefault(name, pathValues.apply(op.path(), name));
                m.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(encode(value)));
            }
            m.appendTail(path);
            return new FuzzCase(0, op.name(), op.method(), path.toString(), query, Map.copyOf(headers), contentType, body,
                    FuzzCase.Caller.ANONYMOUS, mutation, field);
        }
    }
}
