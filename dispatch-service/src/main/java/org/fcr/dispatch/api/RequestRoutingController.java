package org.fcr.dispatch.api;

import java.util.List;

import org.fcr.dispatch.domain.Hop;
import org.fcr.dispatch.domain.RequestRouting;
import org.fcr.dispatch.store.RoutingDocument;
import org.fcr.dispatch.store.RoutingStore;
import org.fcr.support.problem.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** One request's journey between departments, as dispatch sees it. */
@RestController
class RequestRoutingController {

    record Journey(String requestId, int attempt, String currentDepartment, String assignee, int returnCount,
                   int openReturns, List<String> returnedBy, boolean arbitrationPending, boolean closed,
                   List<Hop> hops) {

        static Journey of(RequestRouting r) {
            return new Journey(r.requestId(), r.attempt(), r.currentDepartment(), r.assignee(), r.returnCount(),
                    r.openReturns(), r.returnedBy(), r.arbitrationPending(), r.closed(), r.hops());
        }
    }

    private final RoutingStore routings;

    RequestRoutingController(RoutingStore routings) {
        this.routings = routings;
    }

    @GetMapping("/api/routing/requests/{requestId}")
    Mono<Journey> journey(@PathVariable String requestId) {
        return routings.find(requestId).map(RoutingDocument::toState).map(Journey::of)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Request routing", requestId)));
    }
}
