package org.fcr.dispatch.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The routing admin page in headless Chromium: an admin edits a rule and the tester follows it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "fcr.dispatch.consume=false")
class RoutingPageTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    static WebDriver driver;
    static Path profile;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "dispatch_page_test");
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(), "Chromium is not installed");
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1800", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anAdminEditsARuleAndTheTesterShowsTheNewRouteAndTheHandlerOnDuty() throws Exception {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get("http://localhost:" + port + "/routing.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fcr-username"))).sendKeys("admin");
        driver.findElement(By.id("fcr-password")).sendKeys(TestInfrastructure.PASSWORD);
        driver.findElement(By.id("fcr-signin-submit")).click();

        // the seeded rule for complaints goes to the desk
        By complaintRow = By.cssSelector("tr[data-rule='complaint'] td.rule-department");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(complaintRow, "客服中心"));
        assertThat(driver.findElement(By.cssSelector("#department-rows tr[data-department='engineering']")).getText())
                .contains("工程维修部").contains("刘强").contains("20:00–08:00");

        // edit: complaints now go to administration (行政部)
        driver.findElement(By.cssSelector("button[data-edit-rule='complaint']")).click();
        assertThat(driver.findElement(By.id("rule-id")).getAttribute("value")).isEqualTo("complaint");
        new Select(driver.findElement(By.id("rule-department"))).selectByValue("administration");
        driver.findElement(By.id("rule-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-status"), "已保存"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(complaintRow, "行政部"));

        // tester: a complaint on a Tuesday at 10:00 goes to administration, to the first on its roster
        new Select(driver.findElement(By.id("test-category"))).selectByValue("COMPLAINT");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('test-at').value = '2025-06-10T10:00'");
        driver.findElement(By.id("test-run")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-department"), "行政部"));
        assertThat(driver.findElement(By.id("test-rule")).getText()).startsWith("complaint");
        assertThat(driver.findElement(By.id("test-handler")).getText()).isEqualTo("吴主任 (mgr01)");
        assertThat(driver.findElement(By.id("test-onshift")).getText()).contains("许文");

        // at night nobody of administration is on shift; the page says so
        ((JavascriptExecutor) driver).executeScript("document.getElementById('test-at').value = '2025-06-10T22:00'");
        driver.findElement(By.id("test-run")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-handler"), "无人在班"));

        Files.write(Path.of("target", "routing-page-zh.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

        // the English switch relabels the page, tables included
        new Select(driver.findElement(By.id("lang"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header h1"), "Dispatch routing"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("button[data-edit-rule='complaint']"), "Edit"));
        assertThat(driver.findElement(By.cssSelector("#department-rows tr[data-department='engineering']")).getText())
                .contains("every day");
        Files.write(Path.of("target", "routing-page.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        new Select(driver.findElement(By.id("lang"))).selectByValue("zh-CN");
    }
}
