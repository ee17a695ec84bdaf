package org.fcr.intake.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tunables of intake-service (application.yml, fcr.intake.*). */
@ConfigurationProperties("fcr.intake")
public record IntakeProperties(Duration publishTimeout, Duration sweepAfter, Duration sweepInterval,
                               Duration repairLookback, boolean repairOnStart, Duration storeTimeout,
                               Integer insertBatch, Integer insertsInFlight, Integer maxAcceptsInFlight,
                               Integer inboundConcurrency, Integer openWorkLimit, Duration openWorkRetry) {

    public IntakeProperties {
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(10) : publishTimeout;
        sweepAfter = sweepAfter == null ? Duration.ofSeconds(10) : sweepAfter;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        repairLookback = repairLookback == null ? Duration.ofMinutes(30) : repairLookback;
        storeTimeout = storeTimeout == null ? Duration.ofSeconds(5) : storeTimeout;
        insertBatch = insertBatch == null ? 128 : insertBatch;
        insertsInFlight = insertsInFlight == null ? 2 : insertsInFlight;
        maxAcceptsInFlight = maxAcceptsInFlight == null ? 200 : maxAcceptsInFlight;
        inboundConcurrency = inboundConcurrency == null ? 32 : inboundConcurrency;
        openWorkLimit = openWorkLimit == null ? 0 : openWorkLimit;
        openWorkRetry = openWorkRetry == null ? Duration.ofMinutes(10) : openWorkRetry;
    }
}
