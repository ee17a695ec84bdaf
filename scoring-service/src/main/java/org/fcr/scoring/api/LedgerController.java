package org.fcr.scoring.api;

import org.fcr.scoring.domain.Appeals;
import org.fcr.scoring.domain.ManualEntries;
import org.fcr.scoring.domain.PenaltyRule;
import org.fcr.scoring.domain.Subject;
import org.fcr.scoring.domain.SubjectType;
import org.fcr.support.problem.ApiProblem;
import org.fcr.support.security.CurrentActor;
import org.fcr.support.security.StaffDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The penalty ledger: by request, by subject and period (real, or {@code drill=true}); manual entries; appeals. */
@RestController
@RequestMapping("/api/ledger")
public class LedgerController {

    public record ManualEntryBody(@NotNull PenaltyRule rule, @NotNull SubjectType subjectType, @NotBlank String subjectId,
                                  String requestId, Integer points, Integer fineYuan, @NotBlank String reason,
                                  @NotBlank String idempotencyKey) {
    }

    public record ReasonBody(@NotBlank String reason) {
    }

    public record DecisionBody(@NotNull Appeals.Decision decision, @NotBlank String reason) {
    }

    private final LedgerService service;
    private final CurrentActor currentActor;
    private final StaffDirectory staff;
    private final TrialReportService trial;

    public LedgerController(LedgerService service, CurrentActor currentActor, StaffDirectory staff,
                            TrialReportService trial) {
        this.service = service;
        this.trial = trial;
        this.currentActor = currentActor;
        this.staff = staff;
    }

    @GetMapping
    public Flux<EntryView> ledger(@RequestParam(required = false) String requestId,
                                  @RequestParam(required = false) String subjectId,
                                  @RequestParam(required = false) String period,
                                  @RequestParam(defaultValue = "false") boolean drill) {
        if (requestId != null) {
            return service.forRequest(requestId).map(EntryView::of);
        }
        if (period == null) {
            throw ApiProblem.badRequest("missing-filter", "give requestId, or period (with subjectId for one person or department)");
        }
        if (drill) {
            return trial.ledger(period, subjectId).map(EntryView::of);
        }
        return (subjectId == null ? service.forPeriod(period) : service.forSubject(subjectId, period)).map(EntryView::of);
    }

    @GetMapping("/appeals")
    public Flux<EntryView> appealsWaiting() {
        return service.pendingAppeals().map(EntryView::of);
    }

    @PostMapping("/manual")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<EntryView> manual(@Valid @RequestBody ManualEntryBody body) {
        Subject subject = body.subjectType() == SubjectType.DEPARTMENT ? Subject.department(body.subjectId())
                : staff.find(body.subjectId()).map(m -> Subject.person(m.getUsername(), m.getName(), m.getDepartment()))
                        .orElse(Subject.person(body.subjectId(), body.subjectId(), null));
        var order = new ManualEntries.Order(body.rule(), subject, body.requestId(), body.points(), body.fineYuan(),
                body.reason(), body.idempotencyKey(), false);
        return currentActor.get().flatMap(manager -> service.recordManual(order, manager)).map(EntryView::of);
    }

    @PostMapping("/{entryId}/appeal")
    public Mono<EntryView> appeal(@PathVariable String entryId, @Valid @RequestBody ReasonBody body) {
        return currentActor.get().flatMap(actor -> service.appeal(entryId, body.reason(), actor)).map(EntryView::of);
    }

    @PostMapping("/{entryId}/decision")
    public Mono<EntryView> decide(@PathVariable String entryId, @Valid @RequestBody DecisionBody body) {
        return currentActor.get().flatMap(actor -> service.decide(entryId, body.decision(), body.reason(), actor))
                .map(EntryView::of);
    }
}
