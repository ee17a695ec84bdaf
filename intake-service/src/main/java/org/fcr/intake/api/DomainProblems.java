package org.fcr.intake.api;

import org.fcr.intake.domain.CommandRefused;
import org.fcr.intake.domain.StageCommand;
import org.fcr.intake.domain.StageConflict;
import org.fcr.intake.messaging.NotYetDurable;
import org.fcr.intake.store.StaleVersion;
import org.fcr.support.problem.ApiProblem;
import org.fcr.support.problem.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.core.codec.DecodingException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The domain's refusals as problem+json: a stage conflict names the expected commands, a stale
 * version says which version was expected, and unreadable bodies name the field that failed (worded in
 * service-support's ProblemHandler).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DomainProblems {

    private final ProblemHandler problems;

    public DomainProblems(ProblemHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(StageConflict.class)
    public ResponseEntity<ProblemDetail> stageConflict(StageConflict e) {
        return problems.apiProblem(ApiProblem.conflict("stage-conflict", e.getMessage())
                .with("command", e.command().path())
                .with("currentStage", e.current().name())
                .with("expected", e.expected().stream().map(StageCommand::path).toList()));
    }

    @ExceptionHandler(StaleVersion.class)
    public ResponseEntity<ProblemDetail> stale(StaleVersion e) {
        return problems.apiProblem(ApiProblem.conflict("stale-version", e.getMessage()
                + "; read it again and retry").with("expectedVersion", e.expected()));
    }

    /** Stored, not yet acknowledged by the broker: never a success; retry with the same Idempotency-Key. */
    @ExceptionHandler(NotYetDurable.class)
    public ResponseEntity<ProblemDetail> notYetDurable(NotYetDurable e) {
        return problems.retryAfter(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE,
                "not-yet-durable", "The broker did not acknowledge in time; the change will be relayed. Retry with "
                + "the same Idempotency-Key to get the answer.").with("requestId", e.requestId()), 5);
    }

    @ExceptionHandler(AcceptAdmission.Overloaded.class)
    public ResponseEntity<ProblemDetail> overloaded(AcceptAdmission.Overloaded e) {
        return problems.retryAfter(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", e.getMessage()), 1);
    }

    @ExceptionHandler(CommandRefused.class)
    public ResponseEntity<ProblemDetail> refused(CommandRefused e) {
        ApiProblem problem = e.why() == CommandRefused.Why.FORBIDDEN
                ? new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage())
                : ApiProblem.badRequest("validation", e.getMessage());
        if (e.field() != null) {
            problem.with("field", e.field());
        }
        return problems.apiProblem(problem);
    }

    /** Bean validation: every field at fault in {@code errors}, the first also in {@code field}. */
    /** Caught here because validation failures are also ServerWebInputExceptions (below); worded as everywhere. */
    @ExceptionHandler(WebExchangeBindException.class)
    public ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e) {
        return ResponseEntity.badRequest().body(ProblemHandler.describeInvalid(e));
    }

    /** Worded by the shared handler: the field at fault, a control character, a body too large. */
    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        return problems.unreadable(e);
    }

    @ExceptionHandler(DecodingException.class)
    public ResponseEntity<ProblemDetail> decoding(DecodingException e) {
        return problems.decoding(e);
    }
}
