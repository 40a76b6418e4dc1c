package org.opdqueue.patient;

import java.time.Instant;
import java.util.List;

/**
 * What the patient's phone shows about their token: numbers, places and counters only. No name, phone,
 * ABHA number or UHID ever goes into it, because anyone holding the slip (or a photo of it) can open the page.
 */
public record PatientStatus(String number, String serviceCode, String serviceEn, String serviceHi, String roomHint,
        String status, String statusEn, String statusHi, long peopleAhead, long estimatedWaitMinutes, String counter, List<NowCalling> nowCalling,
        Instant updatedAt, String roomHintHi, Messages messages) {

    /**
     * What the patient was promised about SMS (or their hospital's messages) and when they went, in both languages;
     * null when no message is promised (no consent, no mobile number, or nothing set up to send one).
     */
    public record Messages(String en, String hi) {
    }

    /** A token of the same service now at a counter. */
    public record NowCalling(String number, String counter) {
    }

    public boolean isWaiting() {
        return "WAITING".equals(status);
    }

    public boolean isAtCounter() {
        return "CALLED".equals(status) || "SERVING".equals(status);
    }
}
