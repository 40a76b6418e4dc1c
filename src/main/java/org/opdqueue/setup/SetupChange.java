package org.opdqueue.setup;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One thing an import does (or, in a dry run, would do): create an entry, or update some of its fields. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SetupChange(String op, String kind, String key, List<String> fields) {

    public static SetupChange create(String kind, String key) {
        return new SetupChange("create", kind, key, List.of());
    }

    public static SetupChange update(String kind, String key, List<String> fields) {
        return new SetupChange("update", kind, key, List.copyOf(fields));
    }

    /** For the journal's detail column: "update counter R12: name, services". */
    public String describe() {
        String text = op + " " + kind + " " + key + (fields.isEmpty() ? "" : ": " + String.join(", ", fields));
        return text.length() <= 255 ? text : text.substring(0, 254) + "…";
    }
}
