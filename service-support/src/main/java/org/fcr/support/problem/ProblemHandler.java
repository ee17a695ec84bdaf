package org.fcr.support.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fcr.support.json.UnprintableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Turns every refusal into {@code application/problem+json}: {@link ApiProblem}s from the
 * services, bean-validation failures with the list of fields at fault, and Spring's own errors
 * (unreadable JSON, wrong method) through the inherited handler. Whatever else escapes a handler is a
 * 500 problem with an incident id the log carries too: never a stack trace to the caller.
 */
@RestControllerAdvice
// before Boot's own problem-details advice (so validation keeps its errors[]); a service's own advice may come first
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://fcr.example.org/problems/";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

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

    /** A fault of ours, not of the call: logged in full under an incident id, answered without internals. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {}: {} {} failed", incident, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), e);
        return apiProblem(new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "服务内部错误，已记录（编号 " + incident + "）/ Internal error, logged as incident " + incident)
                .with("incident", incident));
    }

    /** A body that cannot be read as its JSON shape; the field at fault is named where Jackson knows it. */
    @ExceptionHandler(DecodingException.class)
    public ResponseEntity<ProblemDetail> decoding(DecodingException e) {
        return unreadable(new ServerWebInputException("unreadable", null, e));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ResponseEntity<ProblemDetail> answer = unreadable(ex);
        return Mono.just(ResponseEntity.status(answer.getStatusCode()).body(answer.getBody()));
    }

    /**
     * An unreadable body as a problem: too large (413), a control character (400 control-character), or a
     * value of the wrong type or format (400 unreadable), naming the field ({@code field}) where known.
     */
    public ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        String field = null;
        UnprintableText unprintable = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return apiProblem(new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                        "请求内容过大 / The body is too large"));
            }
            if (cause instanceof UnprintableText u) {
                unprintable = u;
            }
            if (cause instanceof tools.jackson.databind.DatabindException d && !d.getPath().isEmpty() && field == null) {
                field = path(d);
            }
        }
        ApiProblem problem;
        if (unprintable != null) {
            String where = field == null ? "a field" : field;
            problem = ApiProblem.badRequest("control-character", "字段 " + where + " 含有控制字符（"
                    + unprintable.codePoint() + "），请删除后重试 / Field " + where + " contains a control character ("
                    + unprintable.codePoint() + "); remove it and retry").with("character", unprintable.codePoint());
        } else {
            problem = ApiProblem.badRequest("unreadable", field == null
                    ? "The body is not readable JSON of the expected shape"
                    : "Field '" + field + "' has a value of the wrong type or format");
        }
        if (field != null) {
            problem.with("field", field);
        }
        return apiProblem(problem);
    }

    /** A field's path as a form names it: {@code customer.phone}, {@code tags[1]}. */
    private static String path(tools.jackson.databind.DatabindException d) {
        StringBuilder path = new StringBuilder();
        d.getPath().forEach(r -> {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        });
        return path.toString();
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
