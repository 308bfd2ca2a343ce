package io.lpr.web;

import io.lpr.sink.PlateEventStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.PlateEvent;
import io.lpr.db.Database;
import io.lpr.journey.Journey;
import io.lpr.journeys.JourneysTable;
import io.lpr.journeys.JourneysTableTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless browser (Debian's chromium and chromedriver, installed by ./test; nothing is
 * downloaded): the events page lists, filters by a partial plate, refreshes itself, opens an event whose crop
 * decodes, shows hostile text as text. Screenshots go to target/screenshots for a person to look at.
 */
class EventsPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    Database db;
    WebServer server;
    WebDriver browser;
    WebDriverWait wait;
    String base;

    @BeforeEach
    void start() {
        requireBrowser();
        db = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        WebFixture.fill(db);
        server = WebServer.start(db.readOnly(), "127.0.0.1", 0, null);
        base = "http://127.0.0.1:" + server.port();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,720", "--user-data-dir=" + dir.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /**
     * Without the browser the test fails with one line naming the packages, as the RTSP and PostgreSQL tests do:
     * a skipped test would pass for pages nobody looked at.
     */
    static void requireBrowser() {
        for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(program)) {
                throw new AssertionError("no " + program + ": apt-get install chromium chromium-driver (./test installs them)");
            }
        }
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void findsAPlateByPartOfItAndShowsItsCrop() throws Exception {
        browser.get(base + "/");
        List<WebElement> rows = waitForRows(4);
        assertThat(rows.get(1).getText()).contains("K095AE177").contains("gate").contains("2024-05-01 12:02:00Z");
        // The hostile plate and camera id are text in their cells: no element, no script ran.
        assertThat(rows.get(0).findElements(By.tagName("td")).get(1).getText()).isEqualTo(WebFixture.HOSTILE);
        assertThat(rows.get(0).findElements(By.tagName("td")).get(3).getText()).isEqualTo(WebFixture.HOSTILE);
        assertThat(browser.findElements(By.cssSelector("#events tbody script"))).isEmpty();
        waitForCropsDecoded(3);
        screenshot("events-page.png");

        browser.findElement(By.id("plate")).sendKeys(WebFixture.PARTIAL_PLATE);
        browser.findElement(By.id("apply")).click();
        String filtered = base + "/?plate=" + WebServerContract.encode(WebFixture.PARTIAL_PLATE);
        wait.until(ExpectedConditions.urlToBe(filtered));
        rows = waitForRows(1);
        assertThat(rows.get(0).getText()).contains("B840CK197");

        rows.get(0).findElement(By.cssSelector("a.plate")).click();
        PlateEvent event = WebFixture.events().get(0);
        wait.until(ExpectedConditions.urlToBe(base + "/events/" + event.eventId));
        wait.until(ExpectedConditions.textToBe(By.id("plate"), "B840CK197"));
        WebElement crop = browser.findElement(By.id("crop"));
        wait.until(d -> naturalWidth(crop) > 0);
        assertThat(naturalWidth(crop)).isEqualTo(93);
        assertThat(browser.findElement(By.id("details")).getText())
                .contains("232,814 – 325,842 (92×28 px)").contains("gate").contains("87 %");
        assertThat(browser.findElement(By.id("texts")).getText()).contains("B840CK197 9").contains("B840OK197 3");
        screenshot("event-page.png");
    }

    /** A row with a value the reader cannot take is listed and its page shows the rest, naming what is not read. */
    @Test
    void aMalformedRowIsShownWithWhatCouldNotBeRead() throws Exception {
        PlateEvent car = WebFixture.events().get(0);
        try (java.sql.Connection c = db.connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                "UPDATE plate_events SET runner_ups = 'B840OK197' WHERE event_id = ?")) {
            ps.setString(1, car.eventId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        browser.get(base + "/");
        List<WebElement> rows = waitForRows(4);
        assertThat(rows.get(3).getAttribute("title")).isEqualTo("unreadable: runner_ups: 'B840OK197' is not TEXT:VOTES");
        browser.get(base + "/events/" + car.eventId);
        wait.until(ExpectedConditions.textToBe(By.id("plate"), "B840CK197"));
        assertThat(browser.findElement(By.id("details")).getText()).contains("gate")
                .contains("Unreadable stored values").contains("runner_ups: 'B840OK197' is not TEXT:VOTES");
        assertThat(browser.findElement(By.id("texts")).getText()).contains("B840CK197 9");
    }

    @Test
    void aNewEventAppearsWithoutAReload() {
        browser.get(base + "/?camera=yard");
        waitForRows(1);
        ((JavascriptExecutor) browser).executeScript("document.body.dataset.marker = 'same page'");
        PlateEventStatement.upsert(db, List.of(WebFixture.event("yard", "A123BC77", WebFixture.T0.plusSeconds(600), null)));
        wait.until(d -> rows().size() == 2);
        assertThat(rows().get(0).getText()).contains("A123BC77");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.body.dataset.marker")).isEqualTo("same page");
    }

    @Test
    void pagesThroughOlderEventsKeepingTheFilters() {
        browser.get(base + "/?limit=2");
        assertThat(waitForRows(2).get(1).getText()).contains("K095AE177");
        assertThat(browser.findElement(By.id("newer")).isDisplayed()).isFalse();
        browser.findElement(By.id("older")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/?limit=2&offset=2"));
        wait.until(d -> rows().size() == 2 && rows().get(1).getText().contains("B840CK197"));
        assertThat(browser.findElement(By.id("older")).isDisplayed()).isFalse();
        browser.findElement(By.id("newer")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/?limit=2"));
        wait.until(d -> rows().size() == 2 && rows().get(1).getText().contains("K095AE177"));
    }

    @Test
    void theCamerasPageShowsStatesWithUrlsMasked() throws Exception {
        browser.get(base + "/cameras");
        wait.until(d -> browser.findElements(By.cssSelector("#cameras tbody tr")).size() == 2);
        String table = browser.findElement(By.id("cameras")).getText();
        assertThat(table).contains("connected").contains("backoff").contains("connection refused")
                .contains("rtsp://admin:***@10.0.0.5/stream1").doesNotContain("s3cret");
        screenshot("cameras-page.png");
    }

    @Test
    void theJourneysPageShowsWhoIsInsideAndHowLongClosedOnesTook() throws Exception {
        long t0 = JourneysTableTest.T0;
        JourneysTable.upsert(db, List.of(JourneysTableTest.journey("e1", "A123BC77", t0, Journey.State.closed, 3_723_000),
                JourneysTableTest.journey("e2", "K095AE177", t0 + 60_000, Journey.State.open, 0)));
        browser.get(base + "/journeys");
        wait.until(d -> browser.findElements(By.cssSelector("#journeys tbody tr")).size() == 2);
        assertThat(browser.findElement(By.id("inside")).getText()).isEqualTo("parking: 1");
        assertThat(browser.findElements(By.cssSelector("#open tbody tr"))).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("K095AE177").contains("gate-in"));
        assertThat(browser.findElements(By.cssSelector("#journeys tbody tr")).get(1).getText())
                .contains("A123BC77").contains("closed").contains("1h 02m 03s");
        screenshot("journeys-page.png");
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#events tbody tr"));
    }

    private List<WebElement> waitForRows(int count) {
        wait.until(d -> rows().size() == count);
        return rows();
    }

    private void waitForCropsDecoded(int count) {
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('#events img.crop')].filter(i => i.complete && i.naturalWidth > 0).length"))
                .intValue() == count);
    }

    private long naturalWidth(WebElement img) {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", img)).longValue();
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
