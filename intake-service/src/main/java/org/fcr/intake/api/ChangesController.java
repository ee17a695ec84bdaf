package org.fcr.intake.api;

import java.time.Duration;
import java.util.Map;

import org.fcr.intake.store.OpenWork;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;

/** Server-sent events naming each open request that changed, so the desk and the departments redraw at once. */
@RestController
@Tag(name = "queries")
public class ChangesController {

    private final OpenWork openWork;

    public ChangesController(OpenWork openWork) {
        this.openWork = openWork;
    }

    @GetMapping(path = "/api/requests/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Changes of open requests (SSE: event 'changed', data {id}); a 'ping' every 15 s")
    public Flux<ServerSentEvent<Map<String, String>>> changes() {
        Flux<ServerSentEvent<Map<String, String>>> changed = openWork.changes()
                .sample(Duration.ofMillis(200))
                .map(id -> ServerSentEvent.builder(Map.of("id", id)).event("changed").build());
        Flux<ServerSentEvent<Map<String, String>>> ping = Flux.interval(Duration.ofSeconds(15))
                .map(n -> ServerSentEvent.builder(Map.<String, String>of()).event("ping").build());
        return Flux.merge(changed, ping);
    }
}
