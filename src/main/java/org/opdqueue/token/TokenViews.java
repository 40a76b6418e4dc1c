package org.opdqueue.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.counter.Counter;
import org.opdqueue.queue.WaitEstimates;
import org.opdqueue.servicepoint.ServicePoint;

/** Turns a token into what the API answers, with its current place in the queue. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TokenViews {

    private final WaitEstimates estimates;

    public TokenViews(WaitEstimates estimates) {
        this.estimates = estimates;
    }

    public TokenView of(Token token) {
        ServicePoint service = ServicePoint.findById(token.serviceId);
        return of(token, service);
    }

    public TokenView of(Token token, ServicePoint service) {
        WaitEstimates.Position position = estimates.positionOf(token, service);
        TokenView.CounterRef counter = null;
        if (token.counterId != null && TokenStatus.AT_COUNTER.contains(token.status)) {
            Counter c = Counter.findById(token.counterId);
            counter = new TokenView.CounterRef(c.id, c.code, c.name);
        }
        return new TokenView(token.id, token.publicCode, token.displayNumber, service.code,
                new TokenView.ServiceName(service.nameEn, service.nameHi), token.priority, token.channel,
                token.status, counter, position.peopleAhead(), position.estimatedWaitMinutes(), token.businessDay,
                token.issuedAt, token.calledAt, token.callCount, token.degraded);
    }
}
