package org.fcr.dispatch.config;

import java.time.Duration;
import java.time.Instant;

import org.fcr.dispatch.store.RoutingCatalog;
import org.fcr.dispatch.store.RoutingTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Writes the seed departments and rules at the first start only (a marker document remembers it),
 * so an admin's later deletions stay deleted. Runs before the Kafka listener starts, so the first
 * request never meets an empty routing table (the cached table is reloaded after seeding).
 */
@Component
public class RoutingSeed implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RoutingSeed.class);
    private static final String MARKER = "routing-seed";

    @Document("dispatch_meta")
    record Marker(String id, Instant at, int departments, int rules) {
    }

    private final ReactiveMongoTemplate mongo;
    private final RoutingCatalog catalog;
    private final DispatchProperties properties;
    private final RoutingTables tables;

    public RoutingSeed(ReactiveMongoTemplate mongo, RoutingCatalog catalog, DispatchProperties properties, RoutingTables tables) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.properties = properties;
        this.tables = tables;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var seed = properties.getSeed();
        mongo.findById(MARKER, Marker.class)
                .switchIfEmpty(Flux.fromIterable(seed.getDepartments()).concatMap(catalog::save)
                        .thenMany(Flux.fromIterable(seed.getRules()).concatMap(catalog::save))
                        .then(mongo.save(new Marker(MARKER, Instant.now(), seed.getDepartments().size(), seed.getRules().size())))
                        .doOnNext(m -> log.info("Seeded {} departments and {} routing rules", m.departments(), m.rules()))
                        .flatMap(m -> tables.changed().thenReturn(m)))
                .block(Duration.ofSeconds(60));
    }
}
