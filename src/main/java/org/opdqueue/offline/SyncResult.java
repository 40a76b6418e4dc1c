package org.opdqueue.offline;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What became of one offline token: created, duplicate (already merged) or rejected with the reason. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncResult(UUID requestId, String result, String reason, Long tokenId, String number) {

    static SyncResult created(UUID requestId, long tokenId, String number) {
        return new SyncResult(requestId, "created", null, tokenId, number);
    }

    static SyncResult duplicate(UUID requestId, long tokenId, String number) {
        return new SyncResult(requestId, "duplicate", null, tokenId, number);
    }

    static SyncResult rejected(UUID requestId, String reason) {
        return new SyncResult(requestId, "rejected", reason, null, null);
    }
}
