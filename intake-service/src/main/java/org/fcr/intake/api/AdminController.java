package org.fcr.intake.api;

import java.time.Duration;

import org.fcr.intake.messaging.AggregateRepair;
import org.fcr.intake.messaging.OutboxSweeper;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** Administrators' tools for after an incident: rebuild lost aggregates, relay what stayed in the outbox. */
@RestController
@Tag(name = "admin", description = "repair after a store loss; outbox relay")
public class AdminController {

    private final AggregateRepair repair;
    private final OutboxSweeper sweeper;

    public AdminController(AggregateRepair repair, OutboxSweeper sweeper) {
        this.repair = repair;
        this.sweeper = sweeper;
    }

    @PostMapping("/api/admin/repair")
    @Operation(summary = "Rebuild aggregates from fcr.requests", description = "lookback: ISO duration, default PT24H")
    public Mono<AggregateRepair.Report> repair(@RequestParam(defaultValue = "PT24H") String lookback) {
        Duration period;
        try {
            period = Duration.parse(lookback);
        } catch (java.time.format.DateTimeParseException e) {
            throw org.fcr.support.problem.ApiProblem.badRequest("validation", "lookback is an ISO duration such as PT24H")
                    .with("field", "lookback");
        }
        return repair.repair(period);
    }

    @PostMapping("/api/admin/outbox/sweep")
    @Operation(summary = "Relay now every event that stayed pending in the outbox")
    public Mono<Long> sweep() {
        return sweeper.sweep();
    }
}
