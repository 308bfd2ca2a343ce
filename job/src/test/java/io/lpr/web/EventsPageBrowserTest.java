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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless browser (Debian's chromium and chromedriver, installed by ./test; nothing is
 * downloaded): the events page lists, filters by a partial plate, a near miss, a camera from the drop-down and
 * a time picked in the browser's zone, counts, pages by key, refreshes only its newest page unless paused, exports;
 * it opens an event whose crop decodes and shows hostile text as text. Screenshots go to target/screenshots for a person to look at.
 */
class EventsPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String ZONE = "Europe/Moscow";

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

        // The browser in Moscow's time (UTC+3 all year): the pages show its times, UTC on hover.
        browser = headless(dir.resolve("chromium"), "1280,720", Map.of("TZ", ZONE));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Debian's Chromium, headless, with its profile in {@code profile}, its window {@code size} ("W,H"). */
    static ChromeDriver headless(Path profile, String size, Map<String, String> environment) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + size, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().withEnvironment(environment)
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
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
        assertThat(rows.get(1).getText()).contains("K095AE177").contains("gate").contains("2024-05-01 15:02:00");
        WebElement firstSeen = rows.get(1).findElement(By.tagName("time"));
        assertThat(firstSeen.getAttribute("title")).isEqualTo("2024-05-01 12:02:00 UTC");
        assertThat(browser.findElement(By.cssSelector("#events thead")).getText()).contains("First seen (" + ZONE + ")");
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("4 events match");
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
                .contains("232,814 – 325,842 (92×28 px)").contains("gate").contains("87 %")
                .contains("First seen (" + ZONE + ")");
        assertThat(browser.findElement(By.cssSelector("#details time")).getAttribute("title")).endsWith(" UTC");
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

    /** Keyset pages: an older page keeps its rows while new events arrive, and is not refreshed. */
    @Test
    void pagesThroughOlderEventsThatStayStill() {
        browser.get(base + "/?limit=2");
        assertThat(waitForRows(2).get(1).getText()).contains("K095AE177");
        assertThat(browser.findElement(By.id("newer")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("pause")).isDisplayed()).isTrue();
        browser.findElement(By.id("older")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(base + "/?limit=2&before="));
        wait.until(d -> rows().size() == 2 && rows().get(1).getText().contains("B840CK197"));
        assertThat(browser.findElement(By.id("older")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("pause")).isDisplayed()).as("an older page does not refresh").isFalse();
        assertThat(browser.findElement(By.id("refresh")).getText()).isEqualTo("an older page: not refreshed");
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("4 events match");

        PlateEventStatement.upsert(db, List.of(WebFixture.event("yard", "A123BC77", WebFixture.T0.plusSeconds(600), null)));
        waitForTicks(2);
        assertThat(rows()).extracting(WebElement::getText).satisfiesExactly(
                row -> assertThat(row).contains("O459OO97"), row -> assertThat(row).contains("B840CK197"));
        assertThat(refreshes()).as("loaded once, never refreshed").isEqualTo(1);

        browser.findElement(By.id("newer")).click();
        wait.until(d -> rows().size() == 2 && rows().get(0).getText().contains(WebFixture.HOSTILE));
        assertThat(rows().get(1).getText()).contains("K095AE177");
        browser.findElement(By.id("newest")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/?limit=2"));
        wait.until(d -> rows().size() == 2 && rows().get(0).getText().contains("A123BC77"));
        wait.until(d -> browser.findElement(By.id("total")).getText().equals("5 events match"));
    }

    @Test
    void theNewestPageCanBePaused() {
        browser.get(base + "/?camera=gate");
        waitForRows(2);
        WebElement pause = browser.findElement(By.id("pause"));
        pause.click();
        assertThat(pause.getText()).isEqualTo("Resume");
        assertThat(browser.findElement(By.id("refresh")).getText()).isEqualTo("auto-refresh paused");
        waitForTicks(1); // a refresh begun before the click has long ended
        long loaded = refreshes();
        PlateEventStatement.upsert(db, List.of(WebFixture.event("gate", "A123BC77", WebFixture.T0.plusSeconds(600), null)));
        waitForTicks(2);
        assertThat(rows()).hasSize(2);
        assertThat(refreshes()).isEqualTo(loaded);

        pause.click();
        assertThat(pause.getText()).isEqualTo("Pause");
        wait.until(d -> rows().size() == 3);
        assertThat(rows().get(0).getText()).contains("A123BC77");
    }

    /** The camera drop-down from /api/cameras, a near-miss search, the time pickers in local time, the exports. */
    @Test
    void filtersByCameraNearMissAndLocalTimeAndExportsTheFilter() {
        browser.get(base + "/");
        waitForRows(4);
        Select camera = new Select(browser.findElement(By.id("camera")));
        wait.until(d -> camera.getOptions().size() == 3);
        assertThat(camera.getOptions()).extracting(WebElement::getText).containsExactly("All cameras", "gate", "yard");
        camera.selectByValue("yard");
        browser.findElement(By.id("apply")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/?camera=yard"));
        assertThat(waitForRows(1).get(0).getText()).contains("O459OO97");
        assertThat(new Select(browser.findElement(By.id("camera"))).getFirstSelectedOption().getText()).isEqualTo("yard");

        browser.get(base + "/");
        waitForRows(4);
        browser.findElement(By.id("plate")).sendKeys("~B840OK197");
        browser.findElement(By.id("apply")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/?plate=%7EB840OK197"));
        assertThat(waitForRows(1).get(0).getText()).contains("B840CK197");
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("1 event matches");

        // 15:01 in Moscow is 12:01 UTC: the three events from then on.
        browser.get(base + "/");
        waitForRows(4);
        ((JavascriptExecutor) browser).executeScript("const p = document.getElementById('since-local');"
                + "p.value = '2024-05-01T15:01:00'; p.dispatchEvent(new Event('change'));");
        browser.findElement(By.id("apply")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/?since=2024-05-01T12%3A01%3A00Z"));
        waitForRows(3);
        // The picker shows it back in Moscow's time (a browser leaves out seconds that are zero).
        assertThat(browser.findElement(By.id("since-local")).getAttribute("value")).isEqualTo("2024-05-01T15:01");
        String csv = browser.findElement(By.id("export-csv")).getAttribute("href");
        assertThat(csv).isEqualTo(base + "/api/events.csv?since=2024-05-01T12%3A01%3A00Z");
        assertThat(browser.findElement(By.id("export-json")).getAttribute("href"))
                .isEqualTo(base + "/api/events.json?since=2024-05-01T12%3A01%3A00Z");
        Object exported = ((JavascriptExecutor) browser).executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[arguments.length - 1])", csv);
        assertThat(((String) exported).lines().toList()).hasSize(4).noneMatch(line -> line.contains("B840CK197"));
    }

    @Test
    void theCamerasPageShowsStatesWithUrlsMasked() throws Exception {
        browser.get(base + "/cameras");
        wait.until(d -> browser.findElements(By.cssSelector("#cameras tbody tr")).size() == 2);
        String table = browser.findElement(By.id("cameras")).getText();
        assertThat(table).contains("connected").contains("backoff").contains("connection refused")
                .contains("rtsp://admin:***@10.0.0.5/stream1").doesNotContain("s3cret");
        List<WebElement> cameras = browser.findElements(By.cssSelector("#cameras tbody tr"));
        assertThat(cameras.get(0).getText()).doesNotContain("stale");
        assertThat(cameras.get(1).getText()).contains("backoff stale").contains("2024-05-01 15:00:05");
        screenshot("cameras-page.png");

        // The table is redrawn every few seconds: the link is looked up again if it was replaced meanwhile.
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> { d.findElement(By.linkText("gate")).click(); return true; });
        wait.until(ExpectedConditions.urlToBe(base + "/?camera=gate"));
        assertThat(waitForRows(2).get(0).getText()).contains("K095AE177");
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
        assertThat(browser.findElement(By.cssSelector("#journeys thead")).getText()).contains("Entered (" + ZONE + ")");
        assertThat(browser.findElement(By.cssSelector("#journeys tbody time")).getAttribute("title")).endsWith(" UTC");
        screenshot("journeys-page.png");
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#events tbody tr"));
    }

    private long refreshes() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return Number(document.body.dataset.refreshes)")).longValue();
    }

    /** Waits until the page's refresh timer has fired {@code count} more times, whether it refreshed or not. */
    private void waitForTicks(int count) {
        String ticks = "return Number(document.body.dataset.ticks || 0)";
        long start = ((Number) ((JavascriptExecutor) browser).executeScript(ticks)).longValue();
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(ticks)).longValue() >= start + count);
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
