package org.fcr.intake.api;

import java.util.List;

import org.fcr.events.Actor;
import org.fcr.intake.domain.Decision;
import org.fcr.intake.domain.RequestState;
import org.fcr.intake.domain.SideCommands;
import org.fcr.intake.domain.StageCommand;
import org.fcr.intake.messaging.RequestWorkflow;
import org.fcr.support.problem.ApiProblem;
import org.fcr.support.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * One command per stage of SPEC §4, signed by the caller: POST /api/requests/{id}/{command}.
 * A command out of order is a 409 naming the expected commands; a stale If-Match is a 409 too.
 */
@RestController
@Tag(name = "stage commands", description = "填报, 登记, 下传, 接单, 退单, 转派, 落实, 反馈, 回访, 升级, 收费, 合并")
public class RequestCommandsController {

    private final RequestWorkflow workflow;
    private final CurrentActor currentActor;
    private final CommandTranslator translator;
    private final Idempotency idempotency;

    public RequestCommandsController(RequestWorkflow workflow, CurrentActor currentActor,
                                     CommandTranslator translator, Idempotency idempotency) {
        this.workflow = workflow;
        this.currentActor = currentActor;
        this.translator = translator;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/requests/{id}/{command}")
    @Operation(summary = "Run a stage command",
            description = "command: fill-in, register, request-dispatch, acknowledge, return (reason), forward "
                    + "(toDepartment, reason), organise, on-site, complete (result), sign-off (signedBy), report-back, "
                    + "notify-customer, revisit (solved, satisfaction), escalate (level, reason), close, quote "
                    + "(amountFen), consent, refuse-consent, fee-paid (amountFen), receipt (receiptNo), "
                    + "first-responder (manager: firstResponder, reason), merge (into, reason)")
    public Mono<ResponseEntity<Object>> run(@PathVariable String id,
                                            @Parameter(description = "the command's name") @PathVariable String command,
                                            @Valid @RequestBody(required = false) CommandBody body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        RequestController.checkId(id);
        StageCommand stageCommand = StageCommand.fromPath(command).orElseThrow(() ->
                ApiProblem.notFound("Command", command).with("commands",
                        List.of(StageCommand.values()).stream().map(StageCommand::path).toList()));
        CommandBody b = body == null ? CommandBody.empty() : body;
        Long expected = expectedVersion(ifMatch, b.expectedVersion());
        return currentActor.get().flatMap(actor -> idempotency.once(key, actor.getEmployeeId(),
                "POST /api/requests/" + id + "/" + command, body,
                () -> stageCommand == StageCommand.MERGE
                        ? merge(id, b, actor, expected)
                        : workflow.execute(id, expected, Idempotency.scoped(actor.getEmployeeId(), key),
                                        translator.translate(stageCommand, b, actor, RequestWorkflow.now()))
                                .map(RequestCommandsController::answer)));
    }

    /**
     * The duplicate closes as MERGED first, then the survivor records it; a retried merge finds the
     * duplicate already merged and completes the survivor's side (both steps are idempotent).
     */
    private Mono<ResponseEntity<?>> merge(String duplicateId, CommandBody b, Actor actor, Long expected) {
        String survivorId = b.into();
        if (survivorId == null || !RequestIds.VALID.matcher(survivorId).matches()) {
            throw ApiProblem.badRequest("validation", "into: name the request to merge into").with("field", "into");
        }
        // a no-op command on the survivor: a 404 before anything is written when it does not exist
        return workflow.execute(survivorId, null, s -> new Decision(s, List.of()))
                .then(workflow.execute(duplicateId, expected, s -> s.mergedInto() != null && s.mergedInto().equals(survivorId)
                        ? new Decision(s, List.of())
                        : SideCommands.mergeInto(s, actor, RequestWorkflow.now(), survivorId, b.reason())))
                .flatMap(duplicate -> workflow.execute(survivorId, null,
                                s -> SideCommands.recordMergedIn(s, actor, RequestWorkflow.now(), duplicateId))
                        .thenReturn(answer(duplicate)));
    }

    private static ResponseEntity<?> answer(RequestState state) {
        return ResponseEntity.ok().eTag(Long.toString(state.sequence()))
                .body(RequestView.of(state, List.of(), List.of()));
    }

    private static Long expectedVersion(String ifMatch, Long fromBody) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return fromBody;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("validation", "If-Match is the request's version, a number").with("field", "If-Match");
        }
    }
}
