package org.fcr.scoring.store;

import java.util.Collection;
import java.util.Map;

import org.fcr.events.StageStats;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The small read model of {@code fcr.stage-stats}: one document per month, each window under its
 * own key, so a later (or replayed) result for the same window replaces the earlier one.
 */
@Repository
public class StageStatsStore {

    static final String STATS = "stage_stats";

    public record Month(String id, Map<String, StageWindow> windows) {
        public Month {
            windows = windows == null ? Map.of() : windows;
        }
    }

    private final ReactiveMongoTemplate mongo;

    public StageStatsStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> apply(String month, StageStats stats) {
        String key = Keys.safe(String.join("|", stats.getDepartment(), stats.getCategory().name(),
                stats.getStage().name(), stats.getWindowSize(), String.valueOf(stats.getWindowStart().toEpochMilli())));
        StageWindow window = new StageWindow(stats.getDepartment(), stats.getCategory().name(), stats.getStage().name(),
                stats.getWindowSize(), stats.getWindowStart(), stats.getCount(), stats.getMet(), stats.getBreached(),
                stats.getP90Millis());
        return mongo.upsert(Query.query(Criteria.where("_id").is(month)), new Update().set("windows." + key, window), STATS)
                .then();
    }

    public Flux<Month> months(Collection<String> months) {
        return mongo.find(Query.query(Criteria.where("_id").in(months)), Month.class, STATS);
    }
}
