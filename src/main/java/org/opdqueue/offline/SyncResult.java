package org.opdqueue.offline;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one offline token: created, duplicate (already merged) or rejected with the reason.
 * {@code reservationUnknown} is there (true) on a token created although no reserved block on record held its number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncResult(UUID requestId, String result, String reason, Long tokenId, String number,
        Boolean reservationUnknown) {

    static SyncResult created(UUID requestId, long tokenId, String number, boolean reservationUnknown) {
        return new SyncResult(requestId, "created", null, tokenId, number, reservationUnknown ? Boolean.TRUE : null);
    }

    static SyncResult duplicate(UUID requestId, long tokenId, String number) {
        return new SyncResult(requestId, "duplicate", null, tokenId, number, null);
    }

    static SyncResult rejected(UUID requestId, String reason) {
        return new SyncResult(requestId, "rejected", reason, null, null, null);
    }
}
