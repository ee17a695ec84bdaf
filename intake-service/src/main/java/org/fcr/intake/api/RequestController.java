package org.fcr.intake.api;

import java.net.URI;
import java.util.List;

import org.fcr.events.Category;
import org.fcr.events.Channel;
import org.fcr.events.Customer;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.intake.domain.NewRequest;
import org.fcr.intake.domain.RequestIntake;
import org.fcr.intake.messaging.RequestWorkflow;
import org.fcr.intake.store.RequestStore;
import org.fcr.intake.store.TrialStore;
import org.fcr.support.problem.ApiProblem;
import org.fcr.support.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** 受理 and the request itself: create from any channel, read with its whole timeline. */
@RestController
@Tag(name = "requests", description = "受理 and reading requests")
public class RequestController {

    private final RequestWorkflow workflow;
    private final RequestStore store;
    private final CurrentActor currentActor;
    private final StaffResolver staff;
    private final Idempotency idempotency;
    private final TrialStore trial;
    private final AcceptAdmission admission;

    public RequestController(RequestWorkflow workflow, RequestStore store, CurrentActor currentActor,
                             StaffResolver staff, Idempotency idempotency, TrialStore trial,
                             AcceptAdmission admission) {
        this.trial = trial;
        this.admission = admission;
        this.workflow = workflow;
        this.store = store;
        this.currentActor = currentActor;
        this.staff = staff;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/requests")
    @Operation(summary = "Accept a request (受理)",
            description = "Answers 201 only once the broker acknowledged the request's events. Without "
                    + "\"dispatch\": false it is also registered and sent to dispatch in the same write. "
                    + "503 overloaded (Retry-After) when too many accepts are running on this instance.")
    public Mono<ResponseEntity<Object>> create(@Valid @RequestBody CreateRequestBody body,
                                               @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        // admitted before the key is claimed: a shed call leaves nothing behind, its retry runs afresh
        return currentActor.get().flatMap(signer -> admission.admit(() -> idempotency.once(key, signer.getEmployeeId(),
                "POST /api/requests", body, () -> {
                    NewRequest request = toNewRequest(body);
                    String id = RequestIds.next(signer.getEmployeeId(), key);
                    // the trial settings are one small document, read at most once a second for accepts (issue 8)
                    return trial.forAccept().flatMap(settings -> workflow.create(
                                    RequestIntake.accept(id, request, signer, RequestWorkflow.now(), settings)))
                            .map(state -> ResponseEntity.created(URI.create("/api/requests/" + state.id()))
                                    .eTag(Long.toString(state.sequence()))
                                    .body(RequestView.of(state, List.of(), List.of())));
                })));
    }

    @GetMapping("/api/requests/{id}")
    @Operation(summary = "A request with its state, allowed commands, deadlines and full timeline")
    public Mono<ResponseEntity<RequestView>> get(@PathVariable String id) {
        checkId(id);
        return store.find(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Request", id)))
                .map(stored -> ResponseEntity.ok().eTag(Long.toString(stored.state().sequence()))
                        .body(RequestView.of(stored)));
    }

    static void checkId(String id) {
        if (!RequestIds.VALID.matcher(id).matches()) {
            throw ApiProblem.badRequest("validation", "not a request id: " + id).with("field", "id");
        }
    }

    private NewRequest toNewRequest(CreateRequestBody b) {
        Customer customer = Customer.newBuilder().setName(b.customer().name().strip())
                .setUnit(b.customer().unit()).setPhone(b.customer().phone()).build();
        return new NewRequest(
                Enums.parse(Channel.class, b.channel(), "channel", null),
                Enums.parse(Category.class, b.category(), "category", null),
                b.subcategory(),
                Enums.parse(RequestSize.class, b.size(), "size", RequestSize.SMALL),
                Enums.parse(Scope.class, b.scope(), "scope", Scope.IN_SCOPE),
                Boolean.TRUE.equals(b.major()), Boolean.TRUE.equals(b.paid()), Boolean.TRUE.equals(b.drill()),
                customer, b.building(), b.description().strip(), b.receivedAt(), b.promisedBy(), b.promisedResult(),
                b.customerConfirmation(), staff.resolve(b.firstResponder(), "firstResponder"),
                staff.resolveAll(b.askedTogether(), "askedTogether"),
                b.dispatch() == null || b.dispatch(), b.suggestedDepartment());
    }
}
