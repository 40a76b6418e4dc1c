package org.opdqueue.token;

import java.util.List;

import org.opdqueue.servicepoint.ServicePoint;

/**
 * Where new tokens stand in their queue, worked out inside the issuing transaction once the service's number row
 * is locked, so the answer needs no reads after the commit (the queue package knows the call order and the wait,
 * and implements this; the token package may not depend on it).
 */
public interface PlacesAtIssue {

    /** People ahead (in call order) and the estimated wait of one new token. */
    record Place(long peopleAhead, long estimatedWaitMinutes) {
    }

    /**
     * @param fresh new WAITING tokens of one service, not yet saved, all queued now, in the order they are saved
     * @return their places, in the same order
     */
    List<Place> placesOf(ServicePoint service, List<Token> fresh);
}
