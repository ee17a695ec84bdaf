package org.fcr.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

/** A message logged at a level that is off is never rendered (Spring and Spring Security log lazily at DEBUG on every request). */
class DisabledLogLevelTest {

    @Test
    void aDebugMessageIsNotRenderedWhenDebugIsOff() {
        Log log = LogFactory.getLog("org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher");
        AtomicInteger rendered = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                rendered.incrementAndGet();
                return "expensive";
            }
        };

        assertThat(log.isDebugEnabled()).isFalse();
        log.debug(message);
        log.trace(message);

        assertThat(rendered).hasValue(0);
    }

    @Test
    void whatIsOnStillReachesTheLogger() {
        Log log = LogFactory.getLog(DisabledLogLevelTest.class);
        AtomicInteger rendered = new AtomicInteger();
        log.warn(new Object() {
            @Override
            public String toString() {
                rendered.incrementAndGet();
                return "a warning for the test log";
            }
        });
        assertThat(rendered.get()).isPositive();
    }
}
