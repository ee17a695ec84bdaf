package org.fcr.scoring.messaging;

import java.util.List;

import org.fcr.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.fcr.scoring.api.EntryView;
import org.fcr.scoring.domain.LedgerEntry;
import org.fcr.scoring.domain.Periods;
import org.fcr.scoring.store.AggregateStore;
import org.fcr.scoring.store.LedgerStore;
import org.fcr.support.kafka.TopicPublisher;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts raised entries on the ledger: stored under their deterministic id, counted in their
 * month's aggregates (real entries) or trial-run sheets (drill entries), published on
 * {@code fcr.scores} keyed by subject, and shown live. Every step is idempotent, so a replayed event repeats them harmlessly.
 */
@Component
public class LedgerRecorder {

    private static final Logger log = LoggerFactory.getLogger(LedgerRecorder.class);

    private final LedgerStore ledger;
    private final AggregateStore aggregates;
    private final TopicPublisher publisher;
    private final LiveUpdates live;
    private final Periods periods;
    private final TrialRecorder trial;

    public LedgerRecorder(LedgerStore ledger, AggregateStore aggregates, TopicPublisher publisher, LiveUpdates live,
                          Periods periods, TrialRecorder trial) {
        this.ledger = ledger;
        this.aggregates = aggregates;
        this.publisher = publisher;
        this.live = live;
        this.periods = periods;
        this.trial = trial;
    }

    public Mono<Void> recordAll(List<LedgerEntry> entries) {
        return Flux.fromIterable(entries).concatMap(this::record).then();
    }

    public Mono<Void> record(LedgerEntry entry) {
        return ledger.record(entry).flatMap(unpublished -> count(entry)
                .then(unpublished ? publish(entry) : Mono.empty()));
    }

    /** After an appeal step: the aggregates see the new status, and the change goes out again. */
    public Mono<Void> changed(LedgerEntry entry) {
        return count(entry).then(publish(entry));
    }

    private Mono<Void> count(LedgerEntry entry) {
        return entry.drill() ? trial.entry(entry) : aggregates.addEntry(periods.monthOf(entry.occurredAt()), entry);
    }

    private Mono<Void> publish(LedgerEntry entry) {
        return Mono.fromFuture(() -> publisher.publish(Topics.SCORES, entry.subjectId(), ScoreEntries.toEvent(entry)))
                .doOnNext(meta -> log.info("Entry {} ({}, {} points, {} yuan) on {}-{}@{}", entry.id(), entry.status(),
                        entry.points(), entry.fineYuan(), meta.topic(), meta.partition(), meta.offset()))
                .then(ledger.markPublished(entry))
                .doOnSuccess(done -> live.emit(entry.drill() ? "drill-entry" : "entry", EntryView.of(entry)));
    }
}
