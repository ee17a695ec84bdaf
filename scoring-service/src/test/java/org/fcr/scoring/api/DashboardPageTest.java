package org.fcr.scoring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import org.fcr.events.Category;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.events.StageStats;
import org.fcr.schemas.Topics;
import org.fcr.scoring.messaging.RequestScoring;
import org.fcr.scoring.messaging.SlaScoring;
import org.fcr.scoring.support.Pipeline;
import org.fcr.scoring.support.SampleMonth;
import org.fcr.scoring.support.ScoringServiceTest;
import org.fcr.scoring.support.Story;
import org.fcr.support.kafka.TopicPublisher;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in headless Chromium: it loads, its charts show data from a real run, a new breach
 * appears live, and the 试运行 switch shows the drill's ledger and trial report instead.
 */
@ScoringServiceTest
class DashboardPageTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "fcr_scoring_test");
    }

    @LocalServerPort
    int port;
    @Autowired
    RequestScoring requests;
    @Autowired
    SlaScoring sla;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    TopicPublisher publisher;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDashboardShowsRealDataAndANewBreachWithoutReload() throws Exception {
        assumeTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
                "Chromium is not installed here (CI installs it)");
        YearMonth month = YearMonth.now(ZONE);
        Pipeline pipeline = new Pipeline(requests, sla, mongo);
        for (int back = 2; back >= 0; back--) {
            Instant start = month.minusMonths(back).atDay(1).atTime(9, 0).atZone(ZONE).toInstant();
            pipeline.feed(SampleMonth.inOrder(SampleMonth.requests("D" + back + UUID.randomUUID().toString().substring(0, 4), start)));
        }
        Story drill = Story.of("DRILL-" + UUID.randomUUID().toString().substring(0, 8), Instant.now().minusSeconds(900)).drill();
        pipeline.feed(java.util.List.of(drill.accepted(),
                drill.after(Duration.ofMinutes(6)).sla(SlaEventKind.BREACHED, Stage.ACCEPT, Story.DESK, null)));
        publisher.publish(Topics.STAGE_STATS, "engineering|FAULT_REPAIR|ON_SITE", StageStats.newBuilder()
                .setDepartment("engineering").setCategory(Category.FAULT_REPAIR).setStage(Stage.ON_SITE)
                .setWindowStart(month.atDay(1).atStartOfDay(ZONE).toInstant())
                .setWindowEnd(month.atDay(2).atStartOfDay(ZONE).toInstant()).setWindowSize("P1D")
                .setCount(9).setMet(6).setBreached(3).setP50Millis(300_000).setP90Millis(700_000).setMaxMillis(900_000)
                .build()).get();

        browser = startBrowser();
        browser.get("http://localhost:" + port + "/dashboard.html");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("fcr-username")).isEmpty());
        browser.findElement(By.id("fcr-username")).sendKeys("mgr01");
        browser.findElement(By.id("fcr-password")).sendKeys(TestInfrastructure.PASSWORD);
        browser.findElement(By.id("fcr-signin-submit")).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("管理驾驶舱");
        assertThat(chartPoints("chart-ranking")).isGreaterThan(0);
        assertThat(chartPoints("chart-trend")).isGreaterThanOrEqualTo(3);
        wait.until(d -> chartPoints("chart-breaches") > 0);
        assertThat(browser.findElements(By.cssSelector("#red-list tbody tr")).size()).isBetween(1, 5);
        assertThat(browser.findElements(By.cssSelector("#black-list tbody tr")).size()).isBetween(1, 5);
        assertThat(browser.findElements(By.cssSelector("#ledger-table tbody tr")).size()).isGreaterThan(5);
        assertThat(browser.findElement(By.id("assessment-table")).getText()).contains("工程维修部", "%");
        wait.until(d -> "live on".equals(d.findElement(By.id("live")).getAttribute("class")));

        Story live = Story.of("LIVE-" + UUID.randomUUID().toString().substring(0, 8), Instant.now().minusSeconds(600));
        live.after(Duration.ofMinutes(10));
        publisher.publish(Topics.SLA, live.requestId(),
                live.sla(SlaEventKind.BREACHED, Stage.ACCEPT, Story.DESK, null)).get();

        wait.until(d -> d.findElement(By.id("ledger-table")).getText().contains(live.requestId()));
        wait.until(d -> d.findElement(By.id("open-table")).getText().contains(live.requestId()));
        assertThat(browser.findElement(By.cssSelector("#ledger-table tbody tr")).getText())
                .contains(live.requestId(), "环节超时", "-5");

        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);

        assertThat(browser.findElement(By.id("ledger-table")).getText()).doesNotContain(drill.requestId());
        browser.findElement(By.id("mode-drill")).click();
        wait.until(d -> d.findElement(By.id("trial-table")).getText().contains("合计"));
        wait.until(d -> d.findElement(By.id("ledger-table")).getText().contains(drill.requestId()));
        assertThat(browser.findElement(By.id("trial-table")).getText()).contains("客服中心", "环节超时 ×1");
        assertThat(browser.findElement(By.id("trial-check")).getText()).isEqualTo("各部门之和与合计一致");
        assertThat(browser.findElement(By.id("ledger-table")).getText()).doesNotContain(live.requestId());
        assertThat(browser.findElement(By.id("rankings-card")).isDisplayed()).isFalse();
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "dashboard-drill.png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("mode-live")).click();
        wait.until(d -> d.findElement(By.id("ledger-table")).getText().contains(live.requestId()));

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("language"))).selectByValue("en");
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Management dashboard"));
        wait.until(d -> d.findElement(By.id("assessment-table")).getText().contains("Engineering"));
        browser.findElement(By.id("mode-drill")).click();
        wait.until(d -> d.findElement(By.id("trial-table")).getText().contains("Total"));
    }

    private long chartPoints(String id) {
        Object count = ((JavascriptExecutor) browser).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                        + "if (!c) return 0;"
                        + "return c.getOption().series.reduce((n, s) => n + s.data.filter(v => v !== null && v !== 0).length, 0);", id);
        return ((Number) count).longValue();
    }

    private static ChromeDriver startBrowser() throws Exception {
        Path profile = Files.createTempDirectory("fcr-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1440,2200", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
