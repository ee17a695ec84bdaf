package org.fcr.intake.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.fcr.intake.api.TrialBodies.ChangeAnswer;
import org.fcr.intake.api.TrialBodies.DepartmentView;
import org.fcr.intake.api.TrialBodies.SettingsView;
import org.fcr.intake.domain.DepartmentMode;
import org.fcr.intake.domain.TrialAdministration;
import org.fcr.intake.domain.TrialChange;
import org.fcr.intake.domain.TrialPeriod;
import org.fcr.intake.domain.TrialSettings;
import org.fcr.intake.messaging.RequestWorkflow;
import org.fcr.intake.store.TrialStore;
import org.fcr.support.problem.ApiProblem;
import org.fcr.support.security.CurrentActor;
import org.fcr.support.security.StaffDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * Trial-run mode (模拟试运行, issue 8): which departments rehearse and which periods are drills. Changes are
 * for managers (AccessRules), need a reason and are audited; the settings apply from the next 受理.
 */
@RestController
@Tag(name = "trial", description = "trial-run mode: departments in TRIAL or LIVE, trial periods, audit")
public class TrialController {

    private static final Pattern DEPARTMENT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final TrialStore store;
    private final CurrentActor currentActor;
    private final StaffDirectory directory;
    private final Idempotency idempotency;
    private final Duration longestPeriod;

    public TrialController(TrialStore store, CurrentActor currentActor, StaffDirectory directory,
                           Idempotency idempotency, @Value("${fcr.intake.trial-longest-period:P92D}") Duration longestPeriod) {
        this.longestPeriod = longestPeriod;
        this.store = store;
        this.currentActor = currentActor;
        this.directory = directory;
        this.idempotency = idempotency;
    }

    @GetMapping("/api/trial")
    @Operation(summary = "Current trial settings: each department's mode, the trial periods, the one running now")
    public Mono<SettingsView> settings() {
        return store.current().map(this::view);
    }

    @GetMapping("/api/trial/audit")
    @Operation(summary = "Every change of the trial settings, oldest first: who, when, from what to what, why")
    public Mono<List<TrialChange.Entry>> audit() {
        return store.audit();
    }

    @PutMapping("/api/trial/departments/{code}")
    @Operation(summary = "Switch a department between TRIAL and LIVE (manager; reason required; audited)",
            description = "Switching to the mode it already has changes nothing and records nothing.")
    public Mono<ChangeAnswer> switchDepartment(@PathVariable String code, @Valid @RequestBody TrialBodies.ModeBody body) {
        if (!DEPARTMENT.matcher(code).matches()) {
            throw ApiProblem.badRequest("validation", "not a department code: " + code).with("field", "code");
        }
        DepartmentMode mode = Enums.parse(DepartmentMode.class, body.mode(), "mode", null);
        return currentActor.get().flatMap(by -> store.change(s -> TrialAdministration.switchDepartment(
                s, code, mode, body.reason(), known(s), Boolean.TRUE.equals(body.confirmWholeSite()), by,
                RequestWorkflow.now()))).flatMap(this::answer);
    }

    @PostMapping("/api/trial/periods")
    @Operation(summary = "Declare a trial period: requests received in [from, to) are drills (manager; audited)",
            description = "from and to are ISO-8601 date-times with an offset; the period ends in the future and lasts "
                    + "at most fcr.intake.trial-longest-period (default 92 days); every request it covers, site-wide, "
                    + "is a drill, so \"confirmWholeSite\": true is required.")
    public Mono<ResponseEntity<Object>> declarePeriod(@Valid @RequestBody TrialBodies.PeriodBody body,
                                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Instant from = isoInstant(body.from(), "from");
        Instant to = isoInstant(body.to(), "to");
        return currentActor.get().flatMap(by -> idempotency.once(key, by.getEmployeeId(), "POST /api/trial/periods", body,
                () -> store.change(s -> Optional.of(TrialAdministration.declarePeriod(s, from, to, body.reason(),
                                Boolean.TRUE.equals(body.confirmWholeSite()), longestPeriod, by, RequestWorkflow.now())))
                        .flatMap(this::answer)
                        .map(answer -> ResponseEntity.status(HttpStatus.CREATED).body(answer))));
    }

    @PostMapping("/api/trial/periods/{id}/end")
    @Operation(summary = "End a trial period now (manager; reason required; audited)")
    public Mono<ChangeAnswer> endPeriod(@PathVariable String id, @Valid @RequestBody TrialBodies.EndBody body) {
        return currentActor.get().flatMap(by -> store.change(s -> TrialAdministration.endPeriod(
                        s, id, body.reason(), by, RequestWorkflow.now())))
                .onErrorMap(TrialAdministration.UnknownTrialPeriod.class, e -> ApiProblem.notFound("Trial period", id))
                .flatMap(this::answer);
    }

    /**
     * An ISO-8601 date-time with its offset, to the millisecond the store keeps (so a period is kept exactly as
     * answered); anything else, a bare number above all, is refused naming the field.
     */
    static Instant isoInstant(String text, String field) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest("validation", field + " 须为带时区的 ISO-8601 日期时间，如 2026-12-07T08:00:00+08:00 / "
                    + field + " must be an ISO-8601 date-time with an offset, e.g. 2026-12-07T08:00:00+08:00").with("field", field);
        }
    }

    /** Every department the site has: those with staff in the directory and those with a stored mode. */
    private Set<String> known(TrialSettings s) {
        TreeSet<String> known = new TreeSet<>(s.departments().keySet());
        directory.getUsers().stream().map(u -> u.getDepartment()).filter(d -> d != null).forEach(known::add);
        return known;
    }

    private Mono<ChangeAnswer> answer(Optional<TrialChange.Entry> entry) {
        return store.current().map(s -> new ChangeAnswer(entry.isPresent(), entry.orElse(null), view(s)));
    }

    private SettingsView view(TrialSettings s) {
        Set<String> known = known(s);
        Instant now = Instant.now();
        String active = s.periods().stream().filter(p -> p.covers(now)).map(TrialPeriod::id).findFirst().orElse(null);
        return new SettingsView(s.version(), known.stream().map(d -> new DepartmentView(d, s.modeOf(d).name())).toList(),
                s.periods(), active);
    }
}
