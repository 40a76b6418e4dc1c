package org.opdqueue.appointment;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;

/**
 * Reads the JSON that {@code POST /api/appointments} takes: our own shape (one appointment, an array, or
 * {@code {"appointments": [...]}}), or FHIR R4 (an {@code Appointment} resource or a {@code Bundle} of them, see
 * {@link FhirAppointments}). Any bad field refuses the whole request, naming each one by its JSON path.
 */
final class AppointmentJson {

    private AppointmentJson() {
    }

    static List<AppointmentRow> read(JsonNode body, ZoneId zone) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.invalid("body", "is required: an appointment, a list of them, or FHIR R4 JSON");
        }
        if (body.has("resourceType")) {
            return FhirAppointments.read(body, zone);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<AppointmentRow> rows = new ArrayList<>();
        if (body.isObject() && !body.has("appointments")) {
            add(rows, one("", body, zone, errors));
        } else {
            JsonNode list = body.isArray() ? body : body.get("appointments");
            String prefix = body.isArray() ? "" : "appointments";
            if (list == null || !list.isArray()) {
                throw ProblemException.invalid("appointments", "must be a list");
            }
            for (int i = 0; i < list.size(); i++) {
                add(rows, one(prefix + "[" + i + "].", list.get(i), zone, errors));
            }
        }
        if (!errors.isEmpty()) {
            throw AppointmentCsv.refused(errors);
        }
        return rows;
    }

    private static AppointmentRow one(String where, JsonNode a, ZoneId zone, List<Problem.FieldError> errors) {
        return AppointmentRow.read(where, new AppointmentRow.Fields(text(a, "number"), "number", text(a, "service"),
                "service", text(a, "slotStart"), "slotStart", text(a, "patientName"), "patientName", text(a, "mobile"),
                "mobile", text(a, "patientId"), "patientId", text(a, "status"), "status"), zone, errors);
    }

    static void add(List<AppointmentRow> rows, AppointmentRow row) {
        if (row != null) {
            rows.add(row);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
