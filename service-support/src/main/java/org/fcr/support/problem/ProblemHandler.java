package org.fcr.support.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Turns every refusal into {@code application/problem+json}: {@link ApiProblem}s from the
 * services, bean-validation failures with the list of fields at fault, and Spring's own errors
 * (unreadable JSON, wrong method) through the inherited handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before any other problem-details advice, so validation keeps its errors[]
public class ProblemHandler extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://fcr.example.org/problems/";

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(URI.create(TYPE_BASE + problem.code()));
        body.setTitle(problem.status().getReasonPhrase());
        problem.properties().forEach(body::setProperty);
        return ResponseEntity.status(problem.status()).body(body);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return apiProblem(ApiProblem.badRequest("invalid-argument", e.getMessage()));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        ProblemDetail body = ex.getBody();
        body.setType(URI.create(TYPE_BASE + "validation"));
        body.setDetail("Invalid request: " + errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                .sorted().reduce((a, b) -> a + "; " + b).orElse("see errors"));
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, status, exchange);
    }
}
