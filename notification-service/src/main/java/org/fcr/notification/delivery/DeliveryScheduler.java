package org.fcr.notification.delivery;

import java.time.Duration;

import org.fcr.notification.domain.ChannelKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs the {@link DeliveryLoop} on a fixed tick per channel, one tick at a time (a slow tick skips the next). */
public class DeliveryScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

    private final DeliveryLoop loop;
    private final Duration tick;
    private volatile Disposable running;

    public DeliveryScheduler(DeliveryLoop loop, Duration tick) {
        this.loop = loop;
        this.tick = tick;
    }

    /**
     * One ticker per channel: a mail server or webhook that answers slowly (up to the send timeout) holds up
     * only its own channel's next tick, never the in-app and SMS notices behind it.
     */
    @Override
    public void start() {
        Disposable.Composite tickers = Disposables.composite();
        for (ChannelKind channel : ChannelKind.values()) {
            tickers.add(Flux.interval(tick, tick)
                    .onBackpressureDrop()
                    .concatMap(t -> loop.tick(channel).onErrorResume(e -> {
                        log.warn("Delivery tick of {} failed: {}", channel, e.toString());
                        return Mono.just(0L);
                    }), 1)
                    .subscribe());
        }
        running = tickers;
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
