package org.opdqueue.setup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.web.FieldErrors;

/** Every fault found in a set-up file, each at its JSON path ({@code counters[2].services[0]}), in file order. */
final class SetupErrors {

    private static final List<String> SECTIONS = List.of("format", "facility", "categories", "services", "counters",
            "boards", "devices", "staff");
    private static final Pattern PATH = Pattern.compile("([a-z]+)(?:\\[(\\d+)])?(.*)");

    private static final List<String> LISTS = List.of("services", "counters");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    void add(String path, String message) {
        errors.add(new Problem.FieldError(path, message));
    }

    /**
     * An admin form's messages for one entry of the file: the form's field names are the file's. When a code in one
     * of the entry's lists was already reported as unknown, the form's word on that list ("choose at least one") only
     * repeats it, and is left out.
     */
    void addAll(String entryPath, FieldErrors form) {
        boolean listsReported = errors.stream().anyMatch(e -> e.field().startsWith(entryPath + ".services[")
                || e.field().startsWith(entryPath + ".counters["));
        form.all().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> !(listsReported && LISTS.contains(e.getKey())))
                .forEach(e -> add(entryPath + "." + e.getKey(), e.getValue()));
    }

    boolean has(String path) {
        return errors.stream().anyMatch(e -> e.field().equals(path));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    ProblemException refusal() {
        List<Problem.FieldError> sorted = errors.stream().sorted(Comparator.comparing(e -> order(e.field()))).toList();
        return new ProblemException(ProblemType.INVALID_INPUT, sorted.size() + (sorted.size() == 1 ? " fault" : " faults")
                + " in the set-up file; nothing was changed", sorted);
    }

    /** Section, then entry number (as a number: 10 after 9), then the rest of the path. */
    private static String order(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return "9" + path;
        }
        int section = SECTIONS.indexOf(m.group(1));
        int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return "%d%06d%s".formatted(section < 0 ? 9 : section, index, m.group(3));
    }
}
