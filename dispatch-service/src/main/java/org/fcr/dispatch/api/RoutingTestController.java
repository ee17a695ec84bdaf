package org.fcr.dispatch.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.fcr.dispatch.config.DispatchProperties;
import org.fcr.dispatch.domain.RoutingQuery;
import org.fcr.dispatch.store.OnDuty;
import org.fcr.dispatch.store.RoutingCatalog;
import org.fcr.support.problem.ApiProblem;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** "Where would this request go now?": the rule that matches and who on shift would get it. */
@RestController
class RoutingTestController {

    /** {@code at}: an ISO instant or a local date-time of the property; empty means now. */
    record Probe(@NotBlank String category, String subcategory, String building, String unit, String at) {
    }

    record Answer(String department, String departmentName, String ruleId, String ruleNote, boolean fallback,
                  LocalDateTime localTime, OnDuty.Person handler, List<OnDuty.Person> onShift) {
    }

    private final RoutingCatalog catalog;
    private final OnDuty onDuty;
    private final DispatchProperties properties;

    RoutingTestController(RoutingCatalog catalog, OnDuty onDuty, DispatchProperties properties) {
        this.catalog = catalog;
        this.onDuty = onDuty;
        this.properties = properties;
    }

    @PostMapping("/api/routing/test")
    Mono<Answer> test(@Valid @RequestBody Probe probe) {
        LocalDateTime at = localTime(probe.at());
        RoutingQuery query = RoutingQuery.of(probe.category(), probe.subcategory(), probe.building(), probe.unit(), at);
        return catalog.table(properties.getDesk()).flatMap(table -> {
            var choice = table.route(query);
            var department = choice.department();
            return onDuty.shift(department, at).map(shift -> new Answer(department.code(), department.name(),
                    choice.ruleId(), choice.rule() == null ? null : choice.rule().note(), choice.fallback(), at,
                    shift.next().orElse(null), shift.people()));
        });
    }

    private LocalDateTime localTime(String at) {
        if (at == null || at.isBlank()) {
            return LocalDateTime.now(properties.getZone());
        }
        try {
            return LocalDateTime.ofInstant(Instant.parse(at.trim()), properties.getZone());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(at.trim());
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("bad-time", "Not a date-time: " + at).with("field", "at");
            }
        }
    }
}
