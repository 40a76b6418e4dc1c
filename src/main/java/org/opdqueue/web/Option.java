package org.opdqueue.web;

import java.util.Collection;

/** One choice of a select or a list of check boxes, and whether the form has it chosen. */
public record Option(String value, String label, boolean chosen) {

    public static Option of(String value, String label, Collection<String> chosen) {
        return new Option(value, label, chosen != null && chosen.contains(value));
    }
}
