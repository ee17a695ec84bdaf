package org.fcr.scoring.messaging;

import java.time.Duration;

import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;
import org.fcr.events.StageStats;
import org.fcr.scoring.domain.Periods;
import org.fcr.scoring.store.StageStatsStore;
import org.springframework.stereotype.Component;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes what intake and sla-monitor publish. Each record is scored to the end before its offset
 * is committed; a record that cannot be read, or fails twice, goes to its topic's dead letters.
 */
@Component
public class ScoringListeners {

    private static final Duration LIMIT = Duration.ofSeconds(60);

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
    void onRequestEvent(RequestEvent event) {
        requests.apply(event).block(LIMIT);
    }

    @KafkaListener(topics = "fcr.sla", groupId = "scoring-service", containerFactory = "slaListenerFactory")
    void onSlaEvent(SlaEvent event) {
        sla.apply(event).block(LIMIT);
    }

    @KafkaListener(topics = "fcr.stage-stats", groupId = "scoring-service", containerFactory = "stageStatsListenerFactory")
    void onStageStats(StageStats stats) {
        stageStats.apply(periods.monthOf(stats.getWindowStart()), stats).block(LIMIT);
    }
}
