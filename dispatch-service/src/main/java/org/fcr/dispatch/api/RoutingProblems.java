package org.fcr.dispatch.api;

import org.fcr.dispatch.domain.RoutingRefused;
import org.fcr.support.problem.ApiProblem;
import org.fcr.support.problem.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A routing rule's refusal as problem+json: unknown request 404, nothing to arbitrate 409, else 400. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RoutingProblems {

    @ExceptionHandler(RoutingRefused.class)
    ResponseEntity<ProblemDetail> refused(RoutingRefused refused) {
        HttpStatus status = switch (refused.code()) {
            case "unknown-request" -> HttpStatus.NOT_FOUND;
            case "no-arbitration-pending" -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return new ProblemHandler().apiProblem(new ApiProblem(status, refused.code(), refused.getMessage()));
    }
}
