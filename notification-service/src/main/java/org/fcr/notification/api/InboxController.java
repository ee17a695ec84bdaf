package org.fcr.notification.api;

import java.time.Duration;
import java.util.List;

import org.fcr.notification.channel.InAppHub;
import org.fcr.notification.domain.ChannelKind;
import org.fcr.notification.store.LookupIndex;
import org.fcr.notification.store.NotificationStore;
import org.fcr.support.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The signed-in person's in-app notices: the inbox (stored) and a live SSE stream. */
@RestController
public class InboxController {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final CurrentActor currentActor;
    private final LookupIndex lookup;
    private final NotificationStore store;
    private final InAppHub hub;

    public InboxController(CurrentActor currentActor, LookupIndex lookup, NotificationStore store, InAppHub hub) {
        this.currentActor = currentActor;
        this.lookup = lookup;
        this.store = store;
        this.hub = hub;
    }

    @GetMapping("/api/inbox")
    Mono<List<NotificationView>> inbox() {
        return currentActor.get()
                .flatMap(me -> lookup.forRecipient(me.getEmployeeId()))
                .flatMapMany(store::findAll)
                .filter(n -> n.channel() == ChannelKind.IN_APP)
                .sort(NotificationController.OLDEST_FIRST.reversed())
                .map(NotificationView::of)
                .collectList();
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<InAppHub.InAppNotice>> stream() {
        // the first comment commits the response at once, so a client knows it is listening
        return currentActor.get().flatMapMany(me -> Flux.merge(
                Flux.just(ServerSentEvent.<InAppHub.InAppNotice>builder().comment("connected").build()),
                hub.streamFor(me.getEmployeeId())
                        .map(n -> ServerSentEvent.builder(n).id(n.notificationId()).event("notification").build()),
                Flux.interval(KEEP_ALIVE).map(t -> ServerSentEvent.<InAppHub.InAppNotice>builder().comment("keep-alive").build())));
    }
}
