package org.fcr.intake.config;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerListener;

/**
 * How intake holds its store connection: a call gives up after fcr.intake.store-timeout (a desk
 * operator gets a 503 to retry, not a 30-second hang, while the store restarts), and when the
 * MongoDB server comes back after it was lost (a restart, a kill) — the store may have lost the
 * writes of its last moments — intake reconciles with fcr.requests from then on.
 */
@Component
public class StoreConnectionWatch implements MongoClientSettingsBuilderCustomizer {

    /** The store answers again; it was lost at {@code lostAt}. */
    public record StoreReconnected(Instant lostAt) {
    }

    private final ApplicationEventPublisher events;
    private final IntakeProperties properties;
    private final AtomicReference<Instant> lostAt = new AtomicReference<>();

    public StoreConnectionWatch(ApplicationEventPublisher events, IntakeProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    @Override
    public void customize(com.mongodb.MongoClientSettings.Builder settings) {
        long timeout = properties.storeTimeout().toMillis();
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeout, TimeUnit.MILLISECONDS));
        settings.applyToServerSettings(server -> server.addServerListener(new ServerListener() {
            @Override
            public void serverDescriptionChanged(ServerDescriptionChangedEvent event) {
                boolean wasOk = event.getPreviousDescription().isOk();
                boolean isOk = event.getNewDescription().isOk();
                if (wasOk && !isOk) {
                    lostAt.compareAndSet(null, Instant.now());
                } else if (!wasOk && isOk) {
                    Instant lost = lostAt.getAndSet(null);
                    if (lost != null) {
                        events.publishEvent(new StoreReconnected(lost));
                    }
                }
            }
        }));
    }
}
