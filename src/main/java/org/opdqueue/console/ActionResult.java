package org.opdqueue.console;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one offline action: applied, duplicate (applied by an earlier replay: safe to drop from the
 * outbox) or refused with the reason (final: sending it again gets the same answer).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionResult(UUID actionId, OfflineAction.Kind kind, String number, String result, String reason, Long tokenId) {

    public static final String APPLIED = "applied";
    public static final String DUPLICATE = "duplicate";
    public static final String REFUSED = "refused";

    static ActionResult applied(OfflineAction action, Long tokenId) {
        return new ActionResult(action.actionId(), action.kind(), action.displayNumber(), APPLIED, null, tokenId);
    }

    static ActionResult refused(OfflineAction action, String reason) {
        return new ActionResult(action.actionId(), action.kind(), action.displayNumber(), REFUSED, reason, null);
    }
}
