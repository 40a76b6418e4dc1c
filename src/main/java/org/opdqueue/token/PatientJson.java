package org.opdqueue.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A token's patient details as the journal keeps them: one JSON text, so the off-host archive can encrypt them as one
 * column, and null when the patient gave none.
 */
public final class PatientJson {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private PatientJson() {
    }

    /** The details as stored on a token (name trimmed, ABHA as 14 digits); null when there are none. */
    public static String write(PatientDetails patient) {
        if (patient == null || (patient.name() == null && patient.age() == null && patient.sex() == null
                && patient.mobile() == null && patient.abha() == null && patient.uhid() == null)) {
            return null;
        }
        try {
            return JSON.writeValueAsString(patient);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("patient details that cannot be written as JSON", e);
        }
    }

    public static PatientDetails read(String json) {
        if (json == null) {
            return new PatientDetails(null, null, null, null, null, null);
        }
        try {
            return JSON.readValue(json, PatientDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the JSON of a token's patient details: " + e.getOriginalMessage());
        }
    }
}
