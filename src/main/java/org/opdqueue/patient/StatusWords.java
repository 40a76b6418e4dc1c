package org.opdqueue.patient;

import org.opdqueue.token.TokenStatus;

/** What a token's status means to the patient, in English and Hindi; the page and its updates both use these. */
final class StatusWords {

    record Words(String en, String hi) {
    }

    private StatusWords() {
    }

    static Words of(TokenStatus status, String counter) {
        return of(status, counter, null);
    }

    /** {@code counterHi}: the counter's name in Hindi (issue 16), for the Hindi words; null: its name as it is. */
    static Words of(TokenStatus status, String counter, String counterHi) {
        String at = counter == null ? "the counter" : counter;
        String atHi = counter == null ? "काउंटर" : counterHi == null || counterHi.isBlank() ? counter : counterHi;
        return switch (status) {
            case WAITING -> new Words("Waiting", "प्रतीक्षा में");
            case CALLED -> new Words("Called: please go to " + at, "आपको बुलाया गया है: " + atHi + " पर जाएँ");
            case SERVING -> new Words("Being seen at " + at, atHi + " पर सेवा जारी");
            case COMPLETED -> new Words("Done. Thank you", "पूर्ण। धन्यवाद");
            case NO_SHOW -> new Words("Missed your call: please ask at the counter",
                    "आपकी बारी निकल गई: काउंटर पर संपर्क करें");
            case CANCELLED -> new Words("Cancelled", "रद्द");
        };
    }
}
