package org.opdqueue.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Failures;
import org.opdqueue.counter.Counter;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.PlacesAtIssue;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenIssuing;
import org.opdqueue.token.TokenStatus;
import org.opdqueue.token.TokenView;

/** Turns a token into what the API answers, with its current place in the queue. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TokenViews {

    private final WaitEstimates estimates;
    private final KeptServices services;

    public TokenViews(WaitEstimates estimates, KeptServices services) {
        this.estimates = estimates;
        this.services = services;
    }

    public TokenView of(Token token) {
        return of(token, services.byId(token.serviceId));
    }

    public TokenView of(Token token, ServicePoint service) {
        return of(token, service, estimates.positionOf(token, service));
    }

    /**
     * A token just committed, answered even if its place in the queue cannot be read any more (the database went
     * away right after the commit): the token exists, so the patient gets it, without people ahead and wait.
     */
    public TokenView justIssued(Token token, ServicePoint service) {
        try {
            return of(token, service);
        } catch (RuntimeException e) {
            if (!Failures.isUnreachable(e) && !Failures.isPoolExhausted(e)) {
                throw e;
            }
            return of(token, service, null);
        }
    }

    /** An issue's answer: a new token with the place it was given in the issuing transaction, or a replay as it is now. */
    public TokenView justIssued(TokenIssuing.Issued issued) {
        PlacesAtIssue.Place place = issued.place();
        if (place == null) {
            return justIssued(issued.token(), issued.service());
        }
        return of(issued.token(), issued.service(),
                new WaitEstimates.Position(place.peopleAhead(), place.estimatedWaitMinutes()));
    }

    private TokenView of(Token token, ServicePoint service, WaitEstimates.Position position) {
        TokenView.CounterRef counter = null;
        if (token.counterId != null && TokenStatus.AT_COUNTER.contains(token.status)) {
            Counter c = Counter.findById(token.counterId);
            counter = new TokenView.CounterRef(c.id, c.code, c.name);
        }
        return new TokenView(token.id, token.publicCode, token.displayNumber, service.code,
                new TokenView.ServiceName(service.nameEn, service.nameHi), token.priority, token.channel,
                token.status, counter, position == null ? null : position.peopleAhead(),
                position == null ? null : position.estimatedWaitMinutes(), token.businessDay,
                token.issuedAt, token.calledAt, token.callCount, token.degraded,
                token.reservationUnknown ? Boolean.TRUE : null);
    }
}
