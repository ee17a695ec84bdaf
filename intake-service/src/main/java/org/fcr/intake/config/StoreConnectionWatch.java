package org.fcr.intake.config;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerListener;

/**
 * Notices when the MongoDB server comes back after it was lost (a restart, a kill): the store may
 * have lost the writes of its last moments, so intake reconciles with fcr.requests from then on.
 */
@Component
public class StoreConnectionWatch implements MongoClientSettingsBuilderCustomizer {

    /** The store answers again; it was lost at {@code lostAt}. */
    public record StoreReconnected(Instant lostAt) {
    }

    private final ApplicationEventPublisher events;
    private final AtomicReference<Instant> lostAt = new AtomicReference<>();

    public StoreConnectionWatch(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void customize(com.mongodb.MongoClientSettings.Builder settings) {
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
