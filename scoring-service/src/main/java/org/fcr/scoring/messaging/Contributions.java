package org.fcr.scoring.messaging;

import java.util.HashSet;
import java.util.Set;

import org.fcr.scoring.domain.Periods;
import org.fcr.scoring.domain.Person;
import org.fcr.scoring.domain.RequestFacts;
import org.fcr.scoring.domain.Subject;
import org.fcr.scoring.store.AggregateStore;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps a request's contribution in its month's aggregates (site, department, handler) and takes
 * it back from aggregates it no longer belongs to (after a transfer). Drill requests never count.
 */
@Component
public class Contributions {

    private final AggregateStore aggregates;
    private final Periods periods;

    public Contributions(AggregateStore aggregates, Periods periods) {
        this.aggregates = aggregates;
        this.periods = periods;
    }

    public Mono<Void> update(RequestFacts facts) {
        if (facts.drill() || facts.countedAt() == null) {
            return Mono.empty();
        }
        String period = periods.monthOf(facts.countedAt());
        String shard = AggregateStore.shardOf(facts.countedAt());
        Person handler = facts.handler();
        Set<String> targets = AggregateStore.targets(period, shard, facts.department(), handler == null ? null : handler.id());
        Set<String> stale = new HashSet<>(facts.contributedTo());
        stale.removeAll(targets);
        var contribution = facts.contribution();
        Mono<Void> site = aggregates.contribute(period, shard, null, facts.id(), contribution);
        Mono<Void> department = facts.department() == null ? Mono.empty()
                : aggregates.contribute(period, shard, Subject.department(facts.department()), facts.id(), contribution);
        Mono<Void> person = handler == null ? Mono.empty()
                : aggregates.contribute(period, shard, Subject.of(handler), facts.id(), contribution);
        Mono<Void> withdraw = Flux.fromIterable(stale).concatMap(id -> aggregates.withdraw(id, facts.id())).then();
        return site.then(department).then(person).then(withdraw)
                .doOnSuccess(done -> facts.contributedTo(targets));
    }
}
