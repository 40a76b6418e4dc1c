package org.opdqueue.api.counter;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.counter.Counter;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenStatus;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CounterViews {

    public CounterView of(Counter counter) {
        List<String> codes = counter.serviceIds().stream()
                .map(id -> ServicePoint.<ServicePoint>findById(id).code).toList();
        CounterView.CurrentToken current = Token.<Token>find("facility = ?1 and counterId = ?2 and status in ?3",
                counter.facility, counter.id, TokenStatus.AT_COUNTER).firstResultOptional()
                .map(t -> new CounterView.CurrentToken(t.id, t.displayNumber, t.status.name())).orElse(null);
        return new CounterView(counter.id, counter.code, counter.name, counter.state, codes, current);
    }
}
