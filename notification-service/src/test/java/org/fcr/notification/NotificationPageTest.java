package org.fcr.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.fcr.events.Category;
import org.fcr.events.ReportedBack;
import org.fcr.events.RequestEventType;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.notification.testing.NoticeEvents;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The notification centre page in a real headless Chromium: delivery log, resend, live inbox. */
class NotificationPageTest extends ServiceTestBase {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @LocalServerPort
    int port;

    WebDriver browser;
    Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeThat(new File(CHROMIUM)).as("chromium is installed").exists();
        profile = Files.createTempDirectory("fcr-chrome");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDeskSeesTheDeliveryLogResendsAndGetsLiveMessages() throws Exception {
        String requestId = newRequestId();
        publish(NoticeEvents.request(requestId, 12, RequestEventType.REPORTED_BACK,
                ReportedBack.newBuilder().setResult("水管已更换，恢复供水").build(),
                NoticeEvents.context(Category.FAULT_REPAIR, c -> { })));
        awaitNotifications(requestId, 4, "SENT");

        browser.get("http://localhost:" + port + "/index.html?requestId=" + requestId);
        browser.findElement(By.id("fcr-username")).sendKeys("desk01");
        browser.findElement(By.id("fcr-password")).sendKeys(TestInfrastructure.PASSWORD);
        browser.findElement(By.id("fcr-signin-submit")).click();

        await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#log tr")).size() >= 4);
        String log = browser.findElement(By.id("log")).getText();
        assertThat(log).contains("处理结果").contains("首问责任人").contains("无联系方式").contains("已送达").contains("短信 138****8000").doesNotContain("13800138000");
        await().atMost(WAIT).until(() -> browser.findElement(By.id("inbox")).getText().contains(requestId));
        assertThat(browser.findElement(By.id("live")).getText()).isEqualTo("实时消息已连接");

        browser.findElements(By.cssSelector("#log button.resend")).get(0).click();
        await().atMost(WAIT).until(() -> browser.findElement(By.id("message")).getText().equals("已重新发送"));

        String chased = newRequestId();
        publish(NoticeEvents.sla(chased, SlaEventKind.REMINDER, Stage.COMPLETE));
        // a reminder on fcr.sla, whose consumer may still be in a group rebalance on a loaded machine
        await().atMost(WAIT.multipliedBy(3)).until(() -> browser.findElement(By.id("inbox")).getText().contains("督办提醒"));
        assertThat(browser.findElement(By.cssSelector("#inbox tr")).getText()).contains(chased);

        Files.write(Path.of("target", "notification-page.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("lang")).sendKeys("English");
        await().atMost(WAIT).until(() -> browser.findElement(By.tagName("h1")).getText().equals("Notifications"));
    }
}
