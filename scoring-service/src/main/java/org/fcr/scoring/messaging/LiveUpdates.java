package org.fcr.scoring.messaging;

import java.time.Duration;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * What the dashboard hears without reloading: new and changed ledger entries, and SLA changes
 * of open requests. Best effort: a slow browser misses events rather than holding up scoring.
 */
@Component
public class LiveUpdates {

    private final Sinks.Many<ServerSentEvent<Object>> sink = Sinks.many().multicast().directBestEffort();

    public void emit(String name, Object data) {
        sink.tryEmitNext(ServerSentEvent.builder(data).event(name).build());
    }

    /** The stream of one browser, with a heartbeat so proxies keep it open. */
    public Flux<ServerSentEvent<Object>> stream() {
        Flux<ServerSentEvent<Object>> heartbeat = Flux.interval(Duration.ofSeconds(15))
                .map(i -> ServerSentEvent.builder((Object) "").event("heartbeat").build());
        return Flux.merge(Flux.just(ServerSentEvent.builder((Object) "ready").event("hello").build()),
                sink.asFlux(), heartbeat);
    }
}
