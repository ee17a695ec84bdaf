package org.fcr.scoring.messaging;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;
import org.fcr.events.StageStats;
import org.fcr.scoring.domain.Actors;
import org.fcr.scoring.domain.Periods;
import org.fcr.scoring.store.StageStatsStore;
import org.fcr.support.kafka.KeyedBatch;
import org.springframework.stereotype.Component;
import org.springframework.kafka.annotation.KafkaListener;

import reactor.core.publisher.Flux;

/**
 * Consumes what intake and sla-monitor publish, a poll at a time: the events of one customer (one
 * request, when the request names no customer) in the order they came, different customers at the
 * same time ({@link KeyedBatch}). One record at a time waited for about ten store round trips per
 * event and kept up with ~10 records a second; a customer's events together also keep their shared
 * history from being written by two units at once. Each batch is scored to the end before its
 * offsets are committed; a record that cannot be read, or fails twice, goes to its topic's dead letters.
 */
@Component
public class ScoringListeners {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** Units in flight at once: enough to overlap the store's round trips, few enough for its lock. */
    private static final int CONCURRENCY = 16;

    private final RequestScoring requests;
    private final SlaScoring sla;
    private final StageStatsStore stageStats;
    private final Periods periods;

    public ScoringListeners(RequestScoring requests, SlaScoring sla, StageStatsStore stageStats, Periods periods) {
        this.requests = requests;
        this.sla = sla;
        this.stageStats = stageStats;
        this.periods = periods;
    }

    @KafkaListener(topics = "fcr.requests", groupId = "scoring-service", containerFactory = "requestsListenerFactory")
    void onRequestEvents(List<ConsumerRecord<String, RequestEvent>> records) {
        KeyedBatch.handle(records, ScoringListeners::unitOf,
                requests::applyAll, CONCURRENCY, LIMIT);
    }

    @KafkaListener(topics = "fcr.sla", groupId = "scoring-service", containerFactory = "slaListenerFactory")
    void onSlaEvents(List<ConsumerRecord<String, SlaEvent>> records) {
        KeyedBatch.handle(records, SlaEvent::getRequestId,
                events -> Flux.fromIterable(events).concatMap(sla::apply).then(), CONCURRENCY, LIMIT);
    }

    private static String unitOf(RequestEvent event) {
        String customer = event.getContext() == null ? null : Actors.customerKey(event.getContext().getCustomer());
        return customer != null ? "customer " + customer : "request " + event.getRequestId();
    }

    @KafkaListener(topics = "fcr.stage-stats", groupId = "scoring-service", containerFactory = "stageStatsListenerFactory")
    void onStageStats(StageStats stats) {
        stageStats.apply(periods.monthOf(stats.getWindowStart()), stats).block(LIMIT);
    }
}
