package org.fcr.dispatch.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.fcr.dispatch.messaging.Dispatcher;
import org.fcr.dispatch.store.ArbitrationDocument;
import org.fcr.dispatch.store.ArbitrationStore;
import org.fcr.support.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ping-pong cases for the manager (管理处主任): the list, and the ruling that names the department
 * that must act and the departments that were wrong (scoring penalises wrong transfers and
 * unjustified returns from the decision's {@code wrongDepartments}).
 */
@RestController
@RequestMapping("/api/arbitrations")
class ArbitrationController {

    record Ruling(@NotBlank String department, List<String> wrongDepartments) {
    }

    record Decided(String decisionId, String requestId, String department, String departmentName, String handler,
                   int attempt, List<String> wrongDepartments, String decidedBy) {
    }

    private final Dispatcher dispatcher;
    private final ArbitrationStore arbitrations;
    private final CurrentActor currentActor;

    ArbitrationController(Dispatcher dispatcher, ArbitrationStore arbitrations, CurrentActor currentActor) {
        this.dispatcher = dispatcher;
        this.arbitrations = arbitrations;
        this.currentActor = currentActor;
    }

    @GetMapping
    Flux<ArbitrationDocument> list(@RequestParam(defaultValue = "true") boolean pending) {
        return arbitrations.list(pending);
    }

    @PostMapping("/{requestId}")
    Mono<Decided> decide(@PathVariable String requestId, @Valid @RequestBody Ruling ruling) {
        return currentActor.get().flatMap(manager -> dispatcher.arbitrate(requestId, ruling.department(),
                        ruling.wrongDepartments() == null ? List.of() : ruling.wrongDepartments(), manager))
                .map(d -> new Decided(d.getDecisionId(), d.getRequestId(), d.getDepartment(), d.getDepartmentName(),
                        d.getHandler() == null ? null : d.getHandler().getEmployeeId(), d.getAttempt(),
                        d.getWrongDepartments(), d.getDecidedBy().getEmployeeId()));
    }
}
