package org.fcr.intake.config;

import org.fcr.intake.messaging.PendingRelays;
import org.fcr.intake.store.OpenWork;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What an operator watches on intake: the open requests it holds in memory (its lists' size and its
 * heap's main tenant), whether they outgrew the limit so that the lists read the store, and the writes
 * whose events the broker has not acknowledged yet (rising while the broker is away; the sweeper relays
 * them).
 */
@Component
public class IntakeMetrics implements MeterBinder {

    private final OpenWork openWork;
    private final PendingRelays pendingRelays;

    public IntakeMetrics(OpenWork openWork, PendingRelays pendingRelays) {
        this.openWork = openWork;
        this.pendingRelays = pendingRelays;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("fcr.intake.open.requests", openWork, OpenWork::size)
                .description("Open requests held in memory for the lists").register(registry);
        Gauge.builder("fcr.intake.open.work.overflowed", openWork, w -> w.overflowed() ? 1 : 0)
                .description("1 while the open requests are more than fcr.intake.open-work-limit and the lists read the store")
                .register(registry);
        Gauge.builder("fcr.intake.relays.pending", pendingRelays, PendingRelays::size)
                .description("Writes whose events the broker has not acknowledged yet").register(registry);
    }
}
