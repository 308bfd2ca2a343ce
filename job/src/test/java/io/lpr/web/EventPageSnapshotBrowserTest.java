package io.lpr.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lpr.db.Database;
import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The event page's snapshot in the real headless browser (as {@link EventsPageBrowserTest}): the full frame
 * decodes, the page draws the plate's box over it where the plate is (scaled from the frame's pixels to the
 * picture as shown), the crop is shown at its natural size, and an event without a snapshot says so. The
 * screenshot goes to target/screenshots (docs/event-snapshot.png is one of these).
 */
class EventPageSnapshotBrowserTest {
    @TempDir
    Path dir;

    WebServer server;
    WebDriver browser;
    WebDriverWait wait;
    String base;

    @BeforeEach
    void start() {
        EventsPageBrowserTest.requireBrowser();
        Database db = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        WebFixture.fill(db);
        server = WebServer.start(db.readOnly(), "127.0.0.1", 0, null);
        base = "http://127.0.0.1:" + server.port();
        browser = EventsPageBrowserTest.headless(dir.resolve("chromium"), "1100,1000", Map.of());
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
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
    void theSnapshotShowsTheBoxDrawnOverThePlateAndTheCropAtItsNaturalSize() throws Exception {
        PlateEvent car = WebFixture.events().get(0);
        browser.get(base + "/events/" + car.eventId);
        wait.until(ExpectedConditions.textToBe(By.id("plate"), "B840CK197"));
        wait.until(d -> number("return document.getElementById('snapshot').naturalWidth") > 0);
        assertThat(number("return document.getElementById('snapshot').naturalWidth")).isEqualTo(1280);
        assertThat(number("return document.getElementById('snapshot').naturalHeight")).isEqualTo(720);

        // Where the page drew the box, on screen, against where the plate is in the picture as shown.
        Map<String, Number> picture = rect("snapshot");
        Map<String, Number> drawn = rect("plate-box");
        double scale = picture.get("width").doubleValue() / 1920;
        Box box = car.box;
        assertThat(drawn.get("left").doubleValue()).isCloseTo(picture.get("left").doubleValue() + box.x1 * scale, within(3.0));
        assertThat(drawn.get("top").doubleValue()).isCloseTo(picture.get("top").doubleValue() + box.y1 * scale, within(3.0));
        assertThat(drawn.get("width").doubleValue()).isCloseTo(box.width() * scale, within(3.0));
        assertThat(drawn.get("height").doubleValue()).isCloseTo(box.height() * scale, within(3.0));
        assertThat(drawn.get("right").doubleValue()).isLessThanOrEqualTo(picture.get("right").doubleValue());
        assertThat(drawn.get("bottom").doubleValue()).isLessThanOrEqualTo(picture.get("bottom").doubleValue());

        // The crop at its natural size: not blown up into a blur.
        wait.until(d -> number("return document.getElementById('crop').naturalWidth") > 0);
        assertThat(number("return document.getElementById('crop').clientWidth"))
                .isEqualTo(number("return document.getElementById('crop').naturalWidth")).isEqualTo(93);
        assertThat(browser.findElement(By.id("no-snapshot")).isDisplayed()).isFalse();
        Files.createDirectories(EventsPageBrowserTest.SCREENSHOTS);
        Files.write(EventsPageBrowserTest.SCREENSHOTS.resolve("event-snapshot.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void anEventWithoutASnapshotSaysSo() {
        PlateEvent front = WebFixture.events().get(1);
        browser.get(base + "/events/" + front.eventId);
        wait.until(ExpectedConditions.textToBe(By.id("plate"), "O459OO97"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-snapshot")));
        assertThat(browser.findElement(By.id("scene")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#error:not([hidden])"))).isEmpty();
    }

    private long number(String script) {
        return Math.round(((Number) ((JavascriptExecutor) browser).executeScript(script)).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Number> rect(String id) {
        return (Map<String, Number>) ((JavascriptExecutor) browser).executeScript(
                "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height};", id);
    }
}
