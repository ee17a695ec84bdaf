package org.fcr.intake.api;

import java.time.Duration;

import org.fcr.intake.messaging.Reconciliation;
import org.fcr.intake.messaging.RelaySweeper;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** Administrators' tools for after an incident: reconcile the store with fcr.requests, relay what is pending. */
@RestController
@Tag(name = "admin", description = "repair after a store loss; outbox relay")
public class AdminController {

    private final Reconciliation reconciliation;
    private final RelaySweeper sweeper;

    public AdminController(Reconciliation reconciliation, RelaySweeper sweeper) {
        this.reconciliation = reconciliation;
        this.sweeper = sweeper;
    }

    @PostMapping("/api/admin/repair")
    @Operation(summary = "Reconcile the store with fcr.requests",
            description = "Rebuilds aggregates the store lost and relays events the topic lacks, over lookback "
                    + "(ISO duration, default PT24H)")
    public Mono<Reconciliation.Report> repair(@RequestParam(defaultValue = "PT24H") String lookback) {
        Duration period;
        try {
            period = Duration.parse(lookback);
        } catch (java.time.format.DateTimeParseException e) {
            throw org.fcr.support.problem.ApiProblem.badRequest("validation", "lookback is an ISO duration such as PT24H")
                    .with("field", "lookback");
        }
        return reconciliation.reconcile(period);
    }

    @PostMapping("/api/admin/outbox/sweep")
    @Operation(summary = "Relay now every write whose events the broker has not acknowledged")
    public Mono<Long> sweep() {
        return sweeper.sweep();
    }
}
