package org.fcr.intake.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.fcr.intake.IntakeServiceTestBase;
import org.fcr.intake.WalkingSkeletonTestAccess;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.TopicPublisher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The department view in headless Chromium: the engineering queue acknowledges one ticket and returns another. */
class DepartmentViewPageTest extends IntakeServiceTestBase {

    @LocalServerPort
    int port;

    @Autowired
    TopicPublisher publisher;

    @BeforeAll
    static void chromium() {
        Browser.assumeChromium();
    }

    String dispatched() throws Exception {
        String id = create(SKELETON);
        publisher.publish(Topics.DISPATCH_DECISIONS, id, WalkingSkeletonTestAccess.decision(id, 1)).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> "DISPATCHED".equals(view(id).get("stage")));
        return id;
    }

    @Test
    void theDepartmentAcknowledgesOneTicketAndReturnsAnotherWithAReason() throws Exception {
        String kept = dispatched();
        String misrouted = dispatched();
        publisher.publish(Topics.SLA, kept, org.fcr.intake.WalkingSkeletonTestAccess.sla(kept,
                org.fcr.events.SlaEventKind.STARTED, org.fcr.events.Stage.ACKNOWLEDGE, java.time.Instant.now().plusSeconds(600))).get();
        publisher.publish(Topics.SLA, misrouted, org.fcr.intake.WalkingSkeletonTestAccess.sla(misrouted,
                org.fcr.events.SlaEventKind.BREACHED, org.fcr.events.Stage.ACKNOWLEDGE, java.time.Instant.now().minusSeconds(90))).get();
        try (Browser browser = Browser.open()) {
            browser.signIn("http://localhost:" + port + "/department.html", "eng01");
            assertThat(browser.driver.findElement(By.id("department")).getAttribute("value")).isEqualTo("engineering");
            // live countdowns from sla-monitor's deadlines: running down, and red once overdue
            By keptClock = By.cssSelector("#queue tr[data-id='" + kept + "'] td[data-deadline]");
            By lateClock = By.cssSelector("#queue tr[data-id='" + misrouted + "'] td[data-deadline]");
            browser.wait.until(d -> browser.text(keptClock).matches("\\d\\d:\\d\\d"));
            browser.wait.until(d -> browser.text(lateClock).matches("-\\d\\d:\\d\\d"));
            assertThat(browser.driver.findElement(lateClock).getAttribute("class")).contains("overdue");
            assertThat(browser.driver.findElement(keptClock).getAttribute("class")).doesNotContain("overdue");

            browser.click(By.cssSelector("#queue tr[data-id='" + kept + "'] button[data-command='acknowledge']"));
            browser.wait.until(d -> browser.text(By.cssSelector("#queue tr[data-id='" + kept + "'] .stage")).equals("已接单"));
            assertThat(browser.text(By.cssSelector("#queue tr[data-id='" + kept + "']"))).contains("刘强");

            browser.click(By.cssSelector("#queue tr[data-id='" + misrouted + "'] button[data-command='return']"));
            browser.waitFor(By.cssSelector("#command-form input[name='reason']")).sendKeys("门禁故障属于安保部");
            browser.click(By.id("command-ok"));
            browser.waitFor(By.cssSelector("#returned tr[data-id='" + misrouted + "']"));
            browser.wait.until(d -> d.findElements(By.cssSelector("#queue tr[data-id='" + misrouted + "']")).isEmpty());
            browser.screenshot("department");
        }
        assertThat(timelineTypes(kept)).endsWith("ACKNOWLEDGED");
        assertThat(timelineTypes(misrouted)).endsWith("RETURNED");
        assertThat(view(misrouted).get("returnedBy")).isEqualTo(java.util.List.of("engineering"));
    }
}
