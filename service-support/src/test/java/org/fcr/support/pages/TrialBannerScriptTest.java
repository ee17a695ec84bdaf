package org.fcr.support.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: every page shows the trial run in force, zh-CN first, English second. The wording comes from
 * {@code fcr.trialNotice} in fcr-common.js, run here in Node with the browser's globals stubbed (the pages'
 * Selenium tests show the banner itself where Chromium is installed).
 */
class TrialBannerScriptTest {

    static final String NODE = "/usr/bin/node";
    static final Path SCRIPT = Path.of("src/main/resources/static/js/fcr-common.js").toAbsolutePath();

    @BeforeAll
    static void node() {
        Assumptions.assumeTrue(new File(NODE).canExecute(), "node is not installed here");
    }

    private static String notice(String settings, String now) throws Exception {
        String program = """
                const store = { getItem: () => null, setItem() {}, removeItem() {} };
                Object.assign(globalThis, { window: globalThis, localStorage: store, sessionStorage: store,
                  document: { documentElement: {}, querySelectorAll: () => [], addEventListener() {} } });
                require(process.argv[1]);
                process.stdout.write(JSON.stringify(window.fcr.trialNotice(JSON.parse(process.argv[2]), new Date(process.argv[3]))));
                """;
        Process node = new ProcessBuilder(NODE, "-e", program, SCRIPT.toString(), settings, now)
                .redirectErrorStream(true).start();
        assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(out).isZero();
        return out;
    }

    static final String SETTINGS = """
            {"version":3,"departments":[{"code":"cleaning","mode":"TRIAL"},{"code":"engineering","mode":"LIVE"}],
             "periods":[{"id":"period-2","from":"2026-12-01T00:00:00Z","to":"2026-12-08T00:00:00Z","reason":"全站演练"}],
             "activePeriod":"period-2"}""";

    @Test
    void aPeriodInForceIsAnnouncedSiteWideInChineseThenEnglish() throws Exception {
        String notice = notice(SETTINGS, "2026-12-04T10:00:00Z");
        assertThat(notice).contains("\"zh\":\"模拟试运行中", "全站新受理的请求均为演练", "不通知客户", "全站演练",
                "\"en\":\"TRIAL RUN in force (2026-12-01T00:00:00Z to 2026-12-08T00:00:00Z)", "site-wide",
                "试运行部门：cleaning", "Departments in trial: cleaning", "\"period\":\"period-2\"");
    }

    @Test
    void onlyTheDepartmentsInTrialOnceThePeriodIsOverAndNothingWhenAllIsLive() throws Exception {
        assertThat(notice(SETTINGS, "2026-12-08T00:00:00Z")).doesNotContain("模拟试运行中").contains("试运行部门：cleaning")
                .contains("\"period\":null");
        assertThat(notice("{\"departments\":[{\"code\":\"cleaning\",\"mode\":\"LIVE\"}],\"periods\":[]}",
                "2026-12-04T10:00:00Z")).isEqualTo("null");
    }
}
