package org.fcr.dispatch.store;

import java.time.Duration;

import org.fcr.dispatch.config.DispatchProperties;
import org.fcr.dispatch.domain.RoutingTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The routing table (departments with rosters, rules) in memory, so dispatching reads no
 * configuration. An admin's edit bumps a version document and reloads the table here before the
 * edit is answered; other instances read the version by {@code _id} every
 * {@code fcr.dispatch.table-refresh} and reload when it moved.
 */
@Component
public class RoutingTables implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RoutingTables.class);
    private static final String VERSION_ID = "routing-version";

    @Document("dispatch_meta")
    record TableVersion(String id, long version) {
    }

    private record Loaded(long version, RoutingTable table) {
    }

    private final RoutingCatalog catalog;
    private final ReactiveMongoTemplate mongo;
    private final DispatchProperties properties;
    private volatile Loaded loaded;
    private Disposable refresher;

    public RoutingTables(RoutingCatalog catalog, ReactiveMongoTemplate mongo, DispatchProperties properties) {
        this.catalog = catalog;
        this.mongo = mongo;
        this.properties = properties;
    }

    /** The table in force (loaded on first use when the start-up load has not happened yet). */
    public Mono<RoutingTable> table() {
        Loaded now = loaded;
        return now != null ? Mono.just(now.table()) : reload();
    }

    /** After an admin's write: other instances see the new version, this one reloads at once. */
    public Mono<Void> changed() {
        return mongo.upsert(Query.query(Criteria.where("_id").is(VERSION_ID)), new Update().inc("version", 1L),
                TableVersion.class).then(reload()).then();
    }

    /** The version first, then the table: a change in between is seen again on the next check. */
    public Mono<RoutingTable> reload() {
        return version().flatMap(v -> catalog.table(properties.getDesk()).map(table -> {
            loaded = new Loaded(v, table);
            return table;
        }));
    }

    @Override
    public void afterSingletonsInstantiated() {
        reload().block(Duration.ofSeconds(60));
        refresher = Flux.interval(properties.getTableRefresh())
                .onBackpressureDrop() // a slow check skips ticks instead of ending the refresher
                .concatMap(tick -> version()
                        .filter(v -> loaded == null || v != loaded.version())
                        .flatMap(v -> reload())
                        .doOnNext(t -> log.info("Routing table reloaded: {} departments, {} rules", t.departments().size(), t.rules().size()))
                        .onErrorResume(e -> {
                            log.warn("Routing table check failed: {}", e.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public void destroy() {
        if (refresher != null) {
            refresher.dispose();
        }
    }

    private Mono<Long> version() {
        return mongo.findById(VERSION_ID, TableVersion.class).map(TableVersion::version).defaultIfEmpty(0L);
    }
}
