package org.fcr.scoring.api;

import java.util.ArrayList;
import java.util.List;

import org.fcr.scoring.domain.Assessment;
import org.fcr.scoring.domain.SubjectType;
import org.fcr.support.problem.ApiProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Rankings and the ledger as CSV or Excel (SPEC §7: ledgers exportable per period). */
@RestController
public class ExportController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final AssessmentService assessments;
    private final LedgerService ledger;

    public ExportController(AssessmentService assessments, LedgerService ledger) {
        this.assessments = assessments;
        this.ledger = ledger;
    }

    @GetMapping("/api/exports/rankings.{format}")
    public Mono<ResponseEntity<byte[]>> rankings(@PathVariable String format, @RequestParam(required = false) String period,
                                                 @RequestParam(defaultValue = "DEPARTMENT") SubjectType type) {
        String p = period == null ? assessments.currentMonth() : period;
        return assessments.assessments(p, type).map(all -> {
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Assessment a = all.get(i);
                rows.add(List.of(i + 1, a.subjectId(), nz(a.subjectName()), a.composite() == null ? "" : a.composite(),
                        percent(a.responseRate()), percent(a.resolutionRate()), percent(a.satisfactionRate()),
                        percent(a.repeatComplaintRate()), percent(a.returnRate()), a.escalations(), a.points(),
                        a.fineYuan(), a.requests()));
            }
            return file(format, "rankings-" + p + "-" + type, new Table("排名 Ranking", List.of("名次 rank", "编号 id",
                    "名称 name", "综合 composite", "响应率 response", "解决率 resolution", "满意率 satisfaction",
                    "重复投诉率 repeat", "退单率 return", "升级 escalations", "得分 points", "罚款 fine (yuan)",
                    "请求数 requests"), rows));
        });
    }

    @GetMapping("/api/exports/ledger.{format}")
    public Mono<ResponseEntity<byte[]>> ledger(@PathVariable String format, @RequestParam(required = false) String period,
                                               @RequestParam(required = false) String subjectId) {
        String p = period == null ? assessments.currentMonth() : period;
        var entries = subjectId == null ? ledger.forPeriod(p) : ledger.forSubject(subjectId, p);
        return entries.map(e -> List.<Object>of(e.occurredAt().toString(), e.rule().name(), e.ruleVersion(),
                        e.subjectType().name(), e.subjectId(), nz(e.subjectName()), nz(e.department()), nz(e.requestId()),
                        e.points(), e.fineYuan(), e.departmentNotice() ? "是 yes" : "", e.status().name(), e.reason(),
                        String.join(" ", e.triggeringEventIds()), nz(e.recordedByName())))
                .collectList()
                .map(rows -> file(format, "ledger-" + p + (subjectId == null ? "" : "-" + subjectId),
                        new Table("台账 Ledger", List.of("时间 time", "规则 rule", "版本 version", "类型 type", "编号 id",
                                "名称 name", "部门 department", "请求 request", "扣分 points", "罚款 fine (yuan)",
                                "通报 notice", "状态 status", "原因 reason", "触发事件 events", "记录人 recorded by"), rows)));
    }

    private static ResponseEntity<byte[]> file(String format, String name, Table table) {
        boolean excel = switch (format) {
            case "xlsx" -> true;
            case "csv" -> false;
            default -> throw ApiProblem.badRequest("unknown-format", "export as csv or xlsx, not " + format);
        };
        return ResponseEntity.ok()
                .contentType(excel ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format).build().toString())
                .body(excel ? table.xlsx() : table.csv());
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static Object percent(Double rate) {
        return rate == null ? "" : Math.round(rate * 1000) / 10.0;
    }
}
