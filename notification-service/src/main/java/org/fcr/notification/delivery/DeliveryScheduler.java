package org.fcr.notification.delivery;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs the {@link DeliveryLoop} on a fixed tick, one tick at a time (a slow tick skips the next). */
public class DeliveryScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

    private final DeliveryLoop loop;
    private final Duration tick;
    private volatile Disposable running;

    public DeliveryScheduler(DeliveryLoop loop, Duration tick) {
        this.loop = loop;
        this.tick = tick;
    }

    @Override
    public void start() {
        running = Flux.interval(tick, tick)
                .onBackpressureDrop()
                .concatMap(t -> loop.tick().onErrorResume(e -> {
                    log.warn("Delivery tick failed: {}", e.toString());
                    return Mono.just(0L);
                }), 1)
                .subscribe();
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
