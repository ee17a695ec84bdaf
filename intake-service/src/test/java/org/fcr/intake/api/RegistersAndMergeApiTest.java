package org.fcr.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fcr.intake.IntakeServiceTestBase;
import org.junit.jupiter.api.Test;

/** Registers and ledgers (JSON, CSV, Excel read back), lists with filters, and merging duplicates. */
class RegistersAndMergeApiTest extends IntakeServiceTestBase {

    static final String INFO = SKELETON.replace("FAULT_REPAIR", "INFO_RELAY").replace("厨房水管漏水", "明天停水通知")
            .replace("\"description\"", "\"receivedAt\":\"2026-02-10T02:00:00Z\",\"description\"");

    @Test
    void theInfoRelayRegisterExportsAsCsvAndAsAnExcelWorkbookThatReadsBack() throws Exception {
        String id = create(INFO);
        String period = "?from=2026-02-10T00:00:00Z&to=2026-02-11T00:00:00Z";

        get("desk01", "/api/registers/INFO_RELAY" + period).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].description").isEqualTo(List.of("明天停水通知"));
        byte[] csv = get("desk01", "/api/registers/INFO_RELAY" + period + "&format=csv").exchange()
                .expectStatus().isOk().expectHeader().valueMatches("Content-Disposition", ".*register-info_relay.csv.*")
                .expectBody().returnResult().getResponseBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"编号 Id\"").contains("\"" + id + "\"").contains("明天停水通知")
                .contains("2026-02-10 10:00");

        byte[] xlsx = get("desk01", "/api/registers/INFO_RELAY" + period + "&format=xlsx").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号 Id");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals(id)) {
                    found = true;
                    assertThat(sheet.getRow(r).getCell(8).getStringCellValue()).isEqualTo("明天停水通知");
                    assertThat(sheet.getRow(r).getCell(3).getStringCellValue()).isEqualTo("INFO_RELAY");
                }
            }
            assertThat(found).isTrue();
        }
        get("desk01", "/api/registers/REPAIR" + period).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')]").doesNotExist();
    }

    @Test
    void aFormulaInACustomersNameIsDefusedInTheCsv() {
        create(INFO.replace("李先生", "=HYPERLINK(1)"));
        String text = new String(get("desk01", "/api/registers/INFO_RELAY?format=csv&from=2026-02-10T00:00:00Z&to=2026-02-11T00:00:00Z")
                .exchange().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"'=HYPERLINK(1)\"").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void listsFilterByFirstResponderChannelAndPeriodAndPage() {
        String mine = create(SKELETON.replace("HOTLINE", "WALK_IN")
                .replace("\"description\"", "\"firstResponder\":\"staff01\",\"receivedAt\":\"2026-01-05T01:00:00Z\",\"description\""));

        get("desk01", "/api/requests?firstResponder=staff01&channel=walk_in&from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(mine)
                .jsonPath("$.items[0].firstResponderName").isEqualTo("张伟")
                .jsonPath("$.items[0].expected[0]").exists();
        get("desk01", "/api/requests?status=OPEN&size=1&page=0&sort=receivedAt,asc").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.size").isEqualTo(1);
    }

    @Test
    void mergingADuplicateClosesItAndBothTimelinesShowIt() {
        String survivor = create(SKELETON);
        String duplicate = create(SKELETON.replace("\"description\"", "\"dispatch\":false,\"description\""));

        command("desk01", duplicate, "merge", "{\"into\":\"" + survivor + "\",\"reason\":\"同一漏水\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("MERGED").jsonPath("$.mergedInto").isEqualTo(survivor);
        // a retried merge completes (both sides are idempotent) and adds nothing
        command("desk01", duplicate, "merge", "{\"into\":\"" + survivor + "\",\"reason\":\"同一漏水\"}")
                .expectStatus().isOk();
        command("desk01", duplicate, "escalate", "{\"reason\":\"x\"}").expectStatus().isEqualTo(409);

        assertThat(timelineTypes(duplicate)).endsWith("MERGED", "CLOSED");
        assertThat(timelineTypes(survivor)).containsOnlyOnce("MERGED").endsWith("MERGED");
        Map<String, Object> view = view(survivor);
        assertThat(view.get("mergedFrom")).isEqualTo(List.of(duplicate));
        assertThat(view.get("status")).isEqualTo("OPEN");
        command("desk01", survivor, "merge", "{\"into\":\"R-NOSUCH00\"}").expectStatus().isNotFound();
    }

    @Test
    void theDepartmentLedgerListsWhatWasDispatchedToIt() throws Exception {
        get("eng01", "/api/ledgers/engineering?format=xlsx&from=" + Instant.now().minusSeconds(3600)).exchange()
                .expectStatus().isOk().expectHeader().contentType(RegisterController.XLSX);
    }
}
