package org.opdqueue.token;

import io.quarkus.arc.Arc;

import org.opdqueue.servicepoint.ServicePoint;

/**
 * The wait a new token is told at issue, in minutes, recorded on the token so its accuracy can be reported. Worked
 * out by the queue, which this package may not depend on; looked up here so issuing needs one line, not a new
 * constructor argument.
 */
public interface IssueEstimate {

    /** For a token about to be saved: everyone waiting in its service is queued before it. */
    Integer minutesFor(Token newToken, ServicePoint service);

    static Integer of(Token newToken, ServicePoint service) {
        return Arc.container().instance(IssueEstimate.class).get().minutesFor(newToken, service);
    }
}
