package org.fcr.scoring.api;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.fcr.events.Actor;
import org.fcr.scoring.domain.Appeals;
import org.fcr.scoring.domain.EntryStatus;
import org.fcr.scoring.domain.LedgerEntry;
import org.fcr.scoring.domain.ManualEntries;
import org.fcr.scoring.domain.Periods;
import org.fcr.scoring.domain.Person;
import org.fcr.scoring.domain.SubjectType;
import org.fcr.scoring.messaging.LedgerRecorder;
import org.fcr.scoring.store.AggregateStore;
import org.fcr.scoring.store.LedgerStore;
import org.fcr.scoring.store.PeriodAggregate;
import org.fcr.support.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The ledger's commands and queries behind the HTTP API: manual entries, appeals, listings. */
@Service
public class LedgerService {

    private final LedgerStore ledger;
    private final AggregateStore aggregates;
    private final LedgerRecorder recorder;
    private final ManualEntries manual;
    private final Clock clock;

    public LedgerService(LedgerStore ledger, AggregateStore aggregates, LedgerRecorder recorder, ManualEntries manual,
                         Clock clock) {
        this.ledger = ledger;
        this.aggregates = aggregates;
        this.recorder = recorder;
        this.manual = manual;
        this.clock = clock;
    }

    public Flux<LedgerEntry> forRequest(String requestId) {
        return ledger.forRequest(requestId);
    }

    /** A subject's entries over a period: a person's own, or a department's own and its staff's. */
    public Flux<LedgerEntry> forSubject(String subjectId, String period) {
        return Flux.fromIterable(months(period))
                .concatMap(month -> Flux.concat(aggregates.find(month, SubjectType.PERSON.name(), subjectId),
                        aggregates.find(month, SubjectType.DEPARTMENT.name(), subjectId)))
                .flatMapIterable(aggregate -> aggregate.entries().keySet())
                .collect(LinkedHashSet<String>::new, Set::add)
                .flatMapMany(ids -> ledger.findAll(ids, false));
    }

    /** Every entry of the site over a period (the dashboard's ledger and the export). */
    public Flux<LedgerEntry> forPeriod(String period) {
        return Flux.fromIterable(months(period))
                .concatMap(month -> aggregates.find(month, PeriodAggregate.ALL, "all"))
                .flatMapIterable(aggregate -> aggregate.entries().keySet())
                .collect(LinkedHashSet<String>::new, Set::add)
                .flatMapMany(ids -> ledger.findAll(ids, false));
    }

    public Flux<LedgerEntry> pendingAppeals() {
        return ledger.pendingAppeals();
    }

    public Mono<LedgerEntry> recordManual(ManualEntries.Order order, Actor manager) {
        LedgerEntry entry;
        try {
            entry = manual.record(order, person(manager), clock.instant());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-manual-entry", e.getMessage());
        }
        return recorder.record(entry).then(ledger.find(entry.id()));
    }

    public Mono<LedgerEntry> appeal(String entryId, String reason, Actor appellant) {
        return change(entryId, entry -> Appeals.appeal(entry, person(appellant), reason, clock.instant()))
                .flatMap(entry -> ledger.appealPending(entry.id(), true).thenReturn(entry));
    }

    public Mono<LedgerEntry> decide(String entryId, Appeals.Decision decision, String reason, Actor manager) {
        return change(entryId, entry -> Appeals.decide(entry, decision, person(manager), reason, clock.instant()))
                .flatMap(entry -> ledger.appealPending(entry.id(), false).thenReturn(entry));
    }

    private Mono<LedgerEntry> change(String entryId, UnaryOperator<LedgerEntry> step) {
        return ledger.find(entryId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("ledger entry", entryId)))
                .flatMap(entry -> {
                    LedgerEntry next = apply(step, entry);
                    EntryStatus expected = entry.status();
                    return ledger.changeStatus(next, expected).flatMap(done -> done
                            ? recorder.changed(next).thenReturn(next)
                            : Mono.error(ApiProblem.conflict("entry-changed", "the entry changed meanwhile; reload it")));
                });
    }

    private static LedgerEntry apply(UnaryOperator<LedgerEntry> step, LedgerEntry entry) {
        try {
            return step.apply(entry);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("reason-required", e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiProblem.conflict("wrong-status", e.getMessage()).with("status", entry.status().name());
        } catch (SecurityException e) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-your-entry", e.getMessage());
        }
    }

    static List<String> months(String period) {
        try {
            return Periods.months(period);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-period", e.getMessage());
        }
    }

    private static Person person(Actor actor) {
        return new Person(actor.getEmployeeId(), actor.getName(), actor.getDepartment());
    }
}
