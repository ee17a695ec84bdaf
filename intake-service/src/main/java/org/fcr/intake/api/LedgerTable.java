package org.fcr.intake.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A register or ledger (登记表, 台账) as a table: bilingual column headings, one row per request,
 * written as CSV (UTF-8 with BOM, so Excel opens Chinese correctly) or as an .xlsx workbook.
 */
final class LedgerTable {

    record Column(String heading, Function<RequestSummary, Object> value) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("编号 Id", RequestSummary::id),
            new Column("受理时间 Received", RequestSummary::receivedAt),
            new Column("渠道 Channel", RequestSummary::channel),
            new Column("类别 Category", RequestSummary::category),
            new Column("子类 Subcategory", RequestSummary::subcategory),
            new Column("客户 Customer", RequestSummary::customerName),
            new Column("单元 Unit", RequestSummary::customerUnit),
            new Column("电话 Phone", RequestSummary::customerPhone),
            new Column("内容 Description", RequestSummary::description),
            new Column("首问责任人 First responder", RequestSummary::firstResponderName),
            new Column("部门 Department", RequestSummary::department),
            new Column("处理人 Handler", RequestSummary::handlerName),
            new Column("阶段 Stage", RequestSummary::stage),
            new Column("状态 Status", RequestSummary::status),
            new Column("承诺时间 Promised by", RequestSummary::promisedBy),
            new Column("完成时间 Completed", RequestSummary::completedAt),
            new Column("处理结果 Result", RequestSummary::result),
            new Column("满意度 Satisfaction", RequestSummary::satisfaction),
            new Column("超时 Overdue", s -> s.overdue() ? "是 yes" : ""));

    private final String title;
    private final List<RequestSummary> rows;
    private final DateTimeFormatter time;

    LedgerTable(String title, List<RequestSummary> rows, ZoneId zone) {
        this.title = title;
        this.rows = rows;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    byte[] csv() {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", COLUMNS.stream().map(c -> quote(c.heading())).toList())).append("\r\n");
        for (RequestSummary row : rows) {
            out.append(String.join(",", COLUMNS.stream().map(c -> quote(text(c.value().apply(row)))).toList()))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName(title));
            Row heading = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                heading.createCell(c).setCellValue(COLUMNS.get(c).heading());
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    row.createCell(c).setCellValue(text(COLUMNS.get(c).value().apply(rows.get(r))));
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Instant i ? time.format(i) : value.toString();
    }

    /** Quotes every field; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
    private static String quote(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String sheetName(String title) {
        String cleaned = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}
