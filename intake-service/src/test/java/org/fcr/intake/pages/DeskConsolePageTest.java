package org.fcr.intake.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.fcr.intake.IntakeServiceTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The desk console in headless Chromium: record a call with the keyboard, register it, see it, open its timeline. */
class DeskConsolePageTest extends IntakeServiceTestBase {

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromium() {
        Browser.assumeChromium();
    }

    @Test
    void aCallIsRecordedWithTheKeyboardRegisteredListedAndItsTimelineOpened() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.signIn("http://localhost:" + port + "/", "desk01");
            browser.wait.until(d -> d.switchTo().activeElement().getAttribute("id").equals("customer-name"));
            Instant started = Instant.now();

            WebElement name = browser.driver.switchTo().activeElement();
            name.sendKeys("张女士", Keys.TAB, "5-1-302", Keys.TAB, "13900001111", Keys.TAB, "客厅灯不亮");
            // recorded for the desk to register by hand: "register and dispatch now" switched off
            browser.driver.findElement(By.id("dispatch")).sendKeys(Keys.SPACE);
            browser.driver.findElement(By.id("description")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

            String toast = browser.text(By.id("toast"));
            assertThat(toast).startsWith("已受理 R-");
            String id = toast.substring("已受理 ".length());
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("customer-name");

            By row = By.cssSelector("#requests tr[data-id='" + id + "']");
            browser.waitFor(row);
            assertThat(browser.text(By.cssSelector("#requests tr[data-id='" + id + "'] .stage"))).isEqualTo("已受理");
            browser.click(By.cssSelector("#requests tr[data-id='" + id + "'] button[data-command='register']"));
            browser.wait.until(d -> browser.text(By.cssSelector("#requests tr[data-id='" + id + "'] .stage")).equals("已登记"));

            browser.click(row);
            browser.waitFor(By.cssSelector("#timeline li[data-type='REGISTERED']"));
            assertThat(browser.driver.findElements(By.cssSelector("#timeline li")))
                    .extracting(li -> li.getAttribute("data-type")).containsExactly("ACCEPTED", "REGISTERED");
            assertThat(browser.text(By.id("details"))).contains(id).contains("王芳");
            browser.screenshot("desk");
        }
        assertThat(view(lastCreated()).get("customer").toString()).contains("张女士");
    }

    @Test
    void aDrillCarriesAVisibleTrialRunBadgeInTheListAndTheDetails() throws Exception {
        String id = create(SKELETON.replace("{\"channel\"", "{\"drill\":true,\"channel\""));
        try (Browser browser = Browser.open()) {
            browser.signIn("http://localhost:" + port + "/", "desk01");
            By badge = By.cssSelector("#requests tr[data-id='" + id + "'] .badge-drill");
            browser.waitFor(badge);
            assertThat(browser.text(badge)).isEqualTo("试运行");

            browser.click(By.cssSelector("#requests tr[data-id='" + id + "']"));
            browser.waitFor(By.cssSelector("#details h3 .badge-drill"));
            assertThat(browser.text(By.cssSelector("#details h3"))).contains(id).contains("试运行");
            browser.screenshot("desk-drill");
        }
    }

    /** Issue 18: while a trial period is in force every page says so at its top, zh-CN first, English second. */
    @Test
    @SuppressWarnings("unchecked")
    void aTrialPeriodInForceIsAnnouncedAtTheTopOfTheDeskAndTheDepartmentPages() throws Exception {
        Instant now = Instant.now();
        java.util.Map<String, Object> declared = post("mgr01", "/api/trial/periods").bodyValue("{\"from\":\"" + now
                        + "\",\"to\":\"" + now.plus(Duration.ofHours(1)) + "\",\"reason\":\"页面演练\",\"confirmWholeSite\":true}")
                .exchange().expectStatus().isCreated().expectBody(java.util.Map.class).returnResult().getResponseBody();
        String periodId = (String) ((java.util.Map<String, Object>) declared.get("audit")).get("subject");
        try (Browser browser = Browser.open()) {
            browser.signIn("http://localhost:" + port + "/", "desk01");
            By banner = By.id("fcr-trial-banner");
            browser.waitFor(banner);
            assertThat(browser.text(banner)).startsWith("模拟试运行中").contains("页面演练", "TRIAL RUN in force", "not scored");
            browser.driver.get("http://localhost:" + port + "/department.html");
            browser.waitFor(banner);
            assertThat(browser.text(banner)).startsWith("模拟试运行中").contains("TRIAL RUN in force");
            browser.screenshot("trial-banner");
        } finally {
            post("mgr01", "/api/trial/periods/" + periodId + "/end").bodyValue("{\"reason\":\"页面测试结束\"}").exchange()
                    .expectStatus().isOk();
        }
    }

    private String lastCreated() {
        @SuppressWarnings("unchecked")
        var page = get("desk01", "/api/requests?status=OPEN&size=1&sort=acceptedAt,desc").exchange()
                .expectBody(java.util.Map.class).returnResult().getResponseBody();
        return (String) ((java.util.Map<?, ?>) ((java.util.List<?>) page.get("items")).get(0)).get("id");
    }
}
