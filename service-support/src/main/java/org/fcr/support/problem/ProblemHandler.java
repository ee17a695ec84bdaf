package org.fcr.support.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.DataAccessResourceFailureException;
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
// before Boot's own problem-details advice (so validation keeps its errors[]); a service's own advice may come first
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
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

    /** The store is unreachable or timed out (restarting, killed): nothing was answered as done, so retry. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    public ResponseEntity<ProblemDetail> storeUnavailable(DataAccessResourceFailureException e) {
        return retryAfter(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "数据存储暂不可用，请稍后重试 / The data store is not reachable right now; retry shortly"), 5);
    }

    /** A problem the caller should retry after this many seconds (a Retry-After header with it). */
    public ResponseEntity<ProblemDetail> retryAfter(ApiProblem problem, int seconds) {
        ResponseEntity<ProblemDetail> answer = apiProblem(problem);
        return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds))
                .body(answer.getBody());
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return handleExceptionInternal(ex, describeInvalid(ex), headers, status, exchange);
    }

    /**
     * A validation failure as a problem listing every field at fault ({@code errors[]}) and the
     * first of them ({@code field}); for a service's own advice that must catch it before this one.
     */
    public static ProblemDetail describeInvalid(WebExchangeBindException ex) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .sorted(java.util.Comparator.comparing(e -> e.get("field")))
                .toList();
        ProblemDetail body = ex.getBody();
        body.setType(URI.create(TYPE_BASE + "validation"));
        body.setDetail("Invalid request: " + errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("see errors"));
        body.setProperty("errors", errors);
        if (!errors.isEmpty()) {
            body.setProperty("field", errors.get(0).get("field")); // the first field at fault, for a form to focus
        }
        return body;
    }
}
