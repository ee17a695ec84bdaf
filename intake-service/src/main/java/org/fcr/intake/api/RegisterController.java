package org.fcr.intake.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.fcr.events.Category;
import org.fcr.events.RegisterType;
import org.fcr.intake.store.RequestFilter;
import org.fcr.intake.store.RequestQueries;
import org.fcr.support.problem.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * SPEC §7: the registers (repair, service, info relay, anomaly, other) and each department's
 * ledger, per period, department and category, as JSON, CSV or Excel.
 */
@RestController
@Tag(name = "registers", description = "登记表 and 台账, exportable as CSV and Excel")
public class RegisterController {

    static final int MAX_ROWS = 50_000;
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RequestQueries queries;
    private final ZoneId zone;

    public RegisterController(RequestQueries queries, @Value("${fcr.intake.zone:Asia/Shanghai}") String zone) {
        this.queries = queries;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/api/registers/{register}")
    @Operation(summary = "A register for a period", description = "register: REPAIR, SERVICE, INFO_RELAY, ANOMALY, "
            + "OTHER; format: json (default), csv, xlsx")
    public Mono<ResponseEntity<?>> register(@PathVariable String register,
                                            @RequestParam(required = false) Instant from,
                                            @RequestParam(required = false) Instant to,
                                            @RequestParam(required = false) String department,
                                            @RequestParam(required = false) String category,
                                            @RequestParam(defaultValue = "json") String format) {
        RegisterType type = Enums.parse(RegisterType.class, register, "register", null);
        RequestFilter filter = new RequestFilter(null, null, categoryOf(category), null, type.name(), null,
                department, null, null, from, to, null);
        return export("register-" + type.name().toLowerCase(java.util.Locale.ROOT), filter, format);
    }

    @GetMapping("/api/ledgers/{department}")
    @Operation(summary = "A department's ledger for a period", description = "format: json (default), csv, xlsx")
    public Mono<ResponseEntity<?>> ledger(@PathVariable String department,
                                          @RequestParam(required = false) Instant from,
                                          @RequestParam(required = false) Instant to,
                                          @RequestParam(required = false) String category,
                                          @RequestParam(defaultValue = "json") String format) {
        if (!RequestIds.VALID.matcher(department).matches()) {
            throw ApiProblem.badRequest("validation", "not a department code: " + department).with("field", "department");
        }
        RequestFilter filter = new RequestFilter(null, null, categoryOf(category), null, null, null, department,
                null, null, from, to, null);
        return export("ledger-" + department, filter, format);
    }

    private Mono<ResponseEntity<?>> export(String name, RequestFilter filter, String format) {
        if (!List.of("json", "csv", "xlsx").contains(format)) {
            throw ApiProblem.badRequest("validation", "format is json, csv or xlsx").with("field", "format");
        }
        return queries.find(filter, 0, MAX_ROWS, "receivedAt", Sort.Direction.ASC)
                .map(RequestSummary::of).collectList()
                .map(rows -> switch (format) {
                    case "csv" -> file(name + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                            new LedgerTable(name, rows, zone).csv());
                    case "xlsx" -> file(name + ".xlsx", XLSX, new LedgerTable(name, rows, zone).xlsx());
                    default -> ResponseEntity.ok(rows);
                });
    }

    private static ResponseEntity<?> file(String filename, MediaType type, byte[] bytes) {
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", ContentDisposition.attachment().filename(filename).build().toString())
                .body(bytes);
    }

    private static String categoryOf(String category) {
        return category == null || category.isBlank() ? null : Enums.parse(Category.class, category, "category", null).name();
    }
}
