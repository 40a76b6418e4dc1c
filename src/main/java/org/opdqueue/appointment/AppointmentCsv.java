package org.opdqueue.appointment;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;

/**
 * Reads an appointments CSV (RFC 4180: quoted fields may hold commas and line breaks; a spreadsheet's byte-order mark
 * is skipped). The header names the columns, in any order: {@code appointment_number, service, slot_start} are
 * required, {@code patient_name, mobile, patient_id, status} optional. Every bad row is reported, as
 * {@code row N: column}, counting the header as row 1 as a spreadsheet does.
 */
final class AppointmentCsv {

    static final List<String> REQUIRED = List.of("appointment_number", "service", "slot_start");
    static final List<String> OPTIONAL = List.of("patient_name", "mobile", "patient_id", "status");

    private AppointmentCsv() {
    }

    static List<AppointmentRow> read(String text, ZoneId zone) {
        List<List<String>> lines = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (lines.isEmpty()) {
            throw ProblemException.invalid("file", "is empty: expected a header row and one row per appointment");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = lines.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String column : REQUIRED) {
            if (!columns.containsKey(column)) {
                errors.add(new Problem.FieldError("row 1: " + column, "column is missing from the header"));
            }
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        List<AppointmentRow> rows = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            List<String> cells = lines.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue; // a blank line, as spreadsheets leave at the end
            }
            String where = "row " + (r + 1) + ": ";
            AppointmentRow row = AppointmentRow.read(where, new AppointmentRow.Fields(
                    cell(cells, columns, "appointment_number"), "appointment_number",
                    cell(cells, columns, "service"), "service",
                    cell(cells, columns, "slot_start"), "slot_start",
                    cell(cells, columns, "patient_name"), "patient_name",
                    cell(cells, columns, "mobile"), "mobile",
                    cell(cells, columns, "patient_id"), "patient_id",
                    cell(cells, columns, "status"), "status"), zone, errors);
            if (row != null) {
                rows.add(row);
            }
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        return rows;
    }

    static ProblemException refused(List<Problem.FieldError> errors) {
        return new ProblemException(ProblemType.INVALID_INPUT, errors.size() + " field(s) are wrong; nothing was "
                + "imported. First: " + errors.get(0).field() + " " + errors.get(0).message(), List.copyOf(errors));
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null || i >= cells.size() ? null : cells.get(i);
    }

    /** The records of RFC 4180 text; CRLF or LF line ends. */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
            }
        }
        if (any) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
