package org.opdqueue.appointment;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;

/**
 * The one place that maps FHIR R4 {@code Appointment} to an appointment here: {@code identifier} → the appointment
 * number (the first with a value); the {@code participant} whose actor is a Patient → patient reference (or its
 * identifier) and {@code display} as the name, and a phone from a contained Patient's {@code telecom} as the mobile;
 * {@code serviceType}, then {@code specialty} (a coding's code, else the text) → the service code; {@code start} →
 * the slot; {@code status} booked (also pending, proposed, arrived, checked-in) or cancelled (also entered-in-error).
 */
final class FhirAppointments {

    private FhirAppointments() {
    }

    static List<AppointmentRow> read(JsonNode body, ZoneId zone) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<AppointmentRow> rows = new ArrayList<>();
        String type = AppointmentJson.text(body, "resourceType");
        if ("Appointment".equals(type)) {
            AppointmentJson.add(rows, appointment("", body, zone, errors));
        } else if ("Bundle".equals(type)) {
            JsonNode entries = body.path("entry");
            for (int i = 0; i < entries.size(); i++) {
                JsonNode resource = entries.get(i).path("resource");
                String where = "entry[" + i + "].resource.";
                if (!"Appointment".equals(AppointmentJson.text(resource, "resourceType"))) {
                    errors.add(new Problem.FieldError(where + "resourceType", "must be Appointment"));
                } else {
                    AppointmentJson.add(rows, appointment(where, resource, zone, errors));
                }
            }
            if (entries.isEmpty() && errors.isEmpty()) {
                throw ProblemException.invalid("entry", "must hold at least one Appointment");
            }
        } else {
            throw ProblemException.invalid("resourceType", "must be Appointment or Bundle");
        }
        if (!errors.isEmpty()) {
            throw AppointmentCsv.refused(errors);
        }
        return rows;
    }

    private static AppointmentRow appointment(String where, JsonNode a, ZoneId zone, List<Problem.FieldError> errors) {
        JsonNode patient = patientActor(a);
        return AppointmentRow.read(where, new AppointmentRow.Fields(
                identifier(a.path("identifier")), "identifier",
                service(a), "serviceType",
                AppointmentJson.text(a, "start"), "start",
                AppointmentJson.text(patient, "display"), "participant.actor.display",
                phone(a), "contained.telecom",
                patientRef(patient), "participant.actor.reference",
                AppointmentJson.text(a, "status"), "status"), zone, errors);
    }

    private static String identifier(JsonNode identifiers) {
        for (JsonNode id : identifiers) {
            String value = AppointmentJson.text(id, "value");
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The participant's actor that is a Patient: by its reference, else by its declared type. */
    private static JsonNode patientActor(JsonNode a) {
        for (JsonNode participant : a.path("participant")) {
            JsonNode actor = participant.path("actor");
            String reference = AppointmentJson.text(actor, "reference");
            if ((reference != null && reference.matches("(.*/)?Patient/.+|#.+"))
                    || "Patient".equals(AppointmentJson.text(actor, "type"))) {
                return actor;
            }
        }
        return null;
    }

    private static String patientRef(JsonNode actor) {
        String reference = AppointmentJson.text(actor, "reference");
        if (reference != null && !reference.startsWith("#")) {
            return reference;
        }
        return actor == null ? null : AppointmentJson.text(actor.path("identifier"), "value");
    }

    private static String service(JsonNode a) {
        for (String field : new String[] { "serviceType", "specialty" }) {
            for (JsonNode concept : a.path(field)) {
                String code = identifierCode(concept.path("coding"));
                if (code != null) {
                    return code;
                }
                String text = AppointmentJson.text(concept, "text");
                if (text != null && !text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }

    private static String identifierCode(JsonNode codings) {
        for (JsonNode coding : codings) {
            String code = AppointmentJson.text(coding, "code");
            if (code != null && !code.isBlank()) {
                return code;
            }
        }
        return null;
    }

    /** A booking portal that has the patient's mobile sends it in a contained Patient, the R4 way. */
    private static String phone(JsonNode a) {
        for (JsonNode contained : a.path("contained")) {
            if ("Patient".equals(AppointmentJson.text(contained, "resourceType"))) {
                for (JsonNode telecom : contained.path("telecom")) {
                    if ("phone".equals(AppointmentJson.text(telecom, "system"))) {
                        return AppointmentJson.text(telecom, "value");
                    }
                }
            }
        }
        return null;
    }
}
