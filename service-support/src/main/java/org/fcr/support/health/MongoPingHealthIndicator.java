package org.fcr.support.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;

/**
 * MongoDB health by {@code ping}: Boot's own indicator sends {@code hello}, which the embedded
 * mongo-java-server does not answer, so it would report a working store as down.
 */
public class MongoPingHealthIndicator implements ReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Health> health() {
        return mongo.executeCommand(new Document("ping", 1))
                .map(reply -> Health.up().build())
                .onErrorResume(e -> Mono.just(Health.down(e).build()));
    }
}
