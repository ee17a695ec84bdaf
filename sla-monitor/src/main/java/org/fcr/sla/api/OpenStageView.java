package org.fcr.sla.api;

import java.time.Instant;
import java.util.List;

import org.fcr.sla.domain.OpenStage;
import org.fcr.sla.domain.Person;
import org.fcr.sla.domain.RequestClock;

/** An open stage as the desk sees it: its deadline, what alarm comes next, who answers for it. */
public record OpenStageView(String requestId, String stage, int attempt, String category, Instant startedAt,
                            Instant deadline, long standardMillis, long pausedMillis, boolean paused, boolean breached,
                            String nextAlarm, Instant nextAlarmAt, String responsibleId, String responsibleName,
                            String department, boolean drill) {

    static List<OpenStageView> of(RequestClock clock) {
        return clock.open().stream().map(stage -> of(clock, stage)).toList();
    }

    static OpenStageView of(RequestClock clock, OpenStage stage) {
        Person responsible = clock.responsibleFor(stage.stage());
        return new OpenStageView(clock.requestId(), stage.stage().name(), stage.attempt(),
                clock.facts().category().name(), stage.startedAt(), stage.deadline(), stage.standardMillis(),
                stage.pausedMillis(), stage.paused(), stage.breached(), stage.nextAlarm().name(), stage.nextAlarmAt(),
                responsible == null ? null : responsible.employeeId(), responsible == null ? null : responsible.name(),
                clock.departmentFor(stage.stage()), clock.drill());
    }
}
