package org.fcr.sla.messaging;

import java.time.Duration;
import java.util.List;

/**
 * How the topology runs: the wall-clock tick (250–1000 ms), how many due alarms one tick may handle
 * (so a backlog after downtime drains over several ticks without stalling processing), and the
 * statistics windows.
 */
public record EngineSettings(Duration punctuationInterval, int maxDuePerTick, List<Duration> statisticsWindows,
                             Duration statisticsGrace) {

    public EngineSettings {
        if (maxDuePerTick < 1) {
            throw new IllegalArgumentException("max due per tick must be at least 1");
        }
        statisticsWindows = List.copyOf(statisticsWindows);
    }
}
