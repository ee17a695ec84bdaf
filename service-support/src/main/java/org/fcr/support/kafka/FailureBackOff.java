package org.fcr.support.kafka;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.fcr.support.problem.ApiProblem;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * How long a consumer keeps retrying a record before it parks it on the dead-letter topic, chosen by
 * what failed:
 * <ul>
 * <li>the store or the broker away (a restart, a timeout): retried with a growing pause for up to
 * {@code transientFor}, because the record itself is fine and parking it would lose a decision
 * nobody replays by hand;</li>
 * <li>a refusal that names the record (unknown request, invalid content): parked at once, since
 * retrying gives the same answer;</li>
 * <li>anything else: two quick retries, for races nobody foresaw.</li>
 * </ul>
 */
public final class FailureBackOff {

    /** Kept below the consumer's max.poll.interval.ms (5 min), so a retrying consumer stays in its group. */
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final Duration transientFor;

    public FailureBackOff(Duration transientFor) {
        this.transientFor = transientFor;
    }

    public BackOff forFailure(ConsumerRecord<?, ?> record, Exception failure) {
        return switch (kindOf(failure)) {
            case TRANSIENT -> transientBackOff();
            case REFUSED -> new FixedBackOff(0L, 0L);
            case UNKNOWN -> new FixedBackOff(200L, 2L);
        };
    }

    private BackOff transientBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500L, 2.0);
        backOff.setMaxInterval(LONGEST_PAUSE.toMillis());
        backOff.setMaxElapsedTime(transientFor.toMillis());
        return backOff;
    }

    enum Kind { TRANSIENT, REFUSED, UNKNOWN }

    /** The first cause that tells what kind of failure this is (listener failures arrive wrapped). */
    static Kind kindOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException
                    || cause instanceof RetriableException
                    || cause instanceof TimeoutException) {
                return Kind.TRANSIENT;
            }
            if (cause instanceof ApiProblem problem) {
                HttpStatus status = problem.status();
                if (status.is5xxServerError()) {
                    return Kind.TRANSIENT;
                }
                // a version conflict may pass on the next read; other refusals will not
                return status == HttpStatus.CONFLICT ? Kind.UNKNOWN : Kind.REFUSED;
            }
        }
        return Kind.UNKNOWN;
    }
}
