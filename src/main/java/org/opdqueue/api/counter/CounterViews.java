package org.opdqueue.api.counter;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.counter.Counter;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.queue.QueueReads;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CounterViews {

    private final QueueReads reads;

    public CounterViews(QueueReads reads) {
        this.reads = reads;
    }

    public CounterView of(Counter counter) {
        List<String> codes = counter.serviceIds().stream()
                .map(id -> ServicePoint.<ServicePoint>findById(id).code).toList();
        CounterView.CurrentToken current = reads.heldBy(counter).stream().findFirst()
                .map(t -> new CounterView.CurrentToken(t.id, t.displayNumber, t.status.name())).orElse(null);
        return new CounterView(counter.id, counter.code, counter.name, counter.state, codes, current);
    }
}
