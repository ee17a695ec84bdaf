package org.fcr.notification.api;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.fcr.notification.channel.Channels;
import org.fcr.notification.domain.DeliveryStatus;
import org.fcr.notification.store.LookupIndex;
import org.fcr.notification.store.NotificationDocument;
import org.fcr.notification.store.NotificationStore;
import org.fcr.notification.store.PendingIndex;
import org.fcr.support.problem.ApiProblem;
import org.fcr.support.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** The delivery log: by request or by person, one notification, and resending one (desk, manager). */
@RestController
public class NotificationController {

    static final Comparator<NotificationDocument> OLDEST_FIRST =
            Comparator.comparing(NotificationDocument::createdAt).thenComparing(NotificationDocument::id);

    private static final Set<String> OVERSEERS = Set.of(Role.DESK, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN)
            .stream().map(Role::authority).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final NotificationStore store;
    private final LookupIndex lookup;
    private final PendingIndex pending;
    private final Channels channels;
    private final Clock clock;

    public NotificationController(NotificationStore store, LookupIndex lookup, PendingIndex pending,
                                  Channels channels, Clock clock) {
        this.store = store;
        this.lookup = lookup;
        this.pending = pending;
        this.channels = channels;
        this.clock = clock;
    }

    /** By request (any signed-in staff), or by person: one's own, or anyone's for the desk and supervisors. */
    @GetMapping("/api/notifications")
    Mono<List<NotificationView>> list(@RequestParam(required = false) String requestId,
                                      @RequestParam(required = false) String recipientId) {
        if ((requestId == null) == (recipientId == null)) {
            throw ApiProblem.badRequest("one-filter", "Give exactly one of requestId or recipientId");
        }
        Mono<List<String>> ids = requestId != null ? lookup.forRequest(requestId)
                : mayRead(recipientId).then(lookup.forRecipient(recipientId));
        return ids.flatMapMany(store::findAll).sort(OLDEST_FIRST).map(NotificationView::of).collectList();
    }

    /** Someone's points and fines are theirs: other people's notices only for the desk and supervisors. */
    private static Mono<Void> mayRead(String recipientId) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(me -> {
                    boolean overseer = me.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                            .anyMatch(OVERSEERS::contains);
                    return overseer || me.getName().equals(recipientId) ? Mono.<Void>empty()
                            : Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "not-yours",
                                    "Only the desk and supervisors may read other people's notifications"));
                });
    }

    @GetMapping("/api/notifications/{id}")
    Mono<NotificationView> get(@PathVariable String id) {
        return store.find(id).map(NotificationView::of)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Notification", id)));
    }

    /** A new round of attempts from now, e.g. after a given-up delivery; never to a customer of a drill. */
    @PostMapping("/api/notifications/{id}/resend")
    Mono<NotificationView> resend(@PathVariable String id) {
        return store.find(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Notification", id)))
                .flatMap(doc -> {
                    if (doc.status() == DeliveryStatus.SUPPRESSED && "drill".equals(doc.reason())) {
                        return Mono.error(ApiProblem.conflict("drill", "A drill request never notifies customers"));
                    }
                    if (doc.address() == null || !channels.byKind().containsKey(doc.channel())) {
                        return Mono.error(ApiProblem.conflict("undeliverable",
                                "No address or the " + doc.channel() + " channel is off").with("channel", doc.channel()));
                    }
                    var now = clock.instant();
                    return pending.put(id, now).then(store.resend(id, now))
                            .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("in-flight",
                                    "Notification " + id + " is being sent right now")));
                })
                .map(NotificationView::of);
    }
}
