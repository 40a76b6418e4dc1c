package org.opdqueue.journal;

/**
 * What a check of the whole journal found. {@code ok} with every sealed entry checked, or the first broken link:
 * {@code brokenSeq} and what differs there. {@code headSeq}/{@code headHash} name the last sealed entry: written down
 * somewhere else (a daily report, a logbook), they also show if entries after it were removed later.
 */
public record JournalVerification(boolean ok, long entries, long sealed, long unsealed, Long brokenSeq,
        String problem, Long headSeq, String headHash) {

    static JournalVerification ok(long entries, long sealed, Long headSeq, String headHash) {
        return new JournalVerification(true, entries, sealed, entries - sealed, null, null, headSeq, headHash);
    }

    static JournalVerification broken(long entries, long sealed, long seq, String problem, Long headSeq,
            String headHash) {
        return new JournalVerification(false, entries, sealed, entries - sealed, seq, problem, headSeq, headHash);
    }

    /** One line for an operator. */
    public String describe() {
        String head = headSeq == null ? "nothing sealed yet" : "last sealed seq " + headSeq + ", chain hash " + headHash;
        if (!ok) {
            return "BROKEN at seq " + brokenSeq + ": " + problem + " (" + entries + " entries read up to there; " + head + ")";
        }
        return "OK: " + entries + " entries, " + sealed + " sealed and verified"
                + (unsealed > 0 ? ", " + unsealed + " newest not sealed yet (their content hashes verified)" : "")
                + "; " + head;
    }
}
