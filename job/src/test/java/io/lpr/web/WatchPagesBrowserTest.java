package io.lpr.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.alert.AlertsTable;
import io.lpr.db.Database;
import io.lpr.event.Alert;
import io.lpr.watch.WatchEntry;
import io.lpr.watch.WatchLevel;
import io.lpr.watch.WatchTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The watch-list and alerts pages in a real headless browser: read-only without the access token, entries
 * added with the form and removed with their button when the server has one; the badge counts the alerts.
 */
class WatchPagesBrowserTest {
    private static final String TOKEN = "0123456789abcdef-browser";

    @TempDir
    Path dir;

    Database db;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        EventsPageBrowserTest.requireBrowser();
        db = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        WebFixture.fill(db);
        new WatchTable(db).ensureSchema().put(WatchEntry.of("O567AM76", true, "<b>stolen</b>", WatchLevel.ALERT, null));
        Alert a = new Alert();
        a.eventId = "e1";
        a.entry = "O567AM76";
        a.alertId = Alert.idOf("e1", a.entry);
        a.level = "alert";
        a.note = "<b>stolen</b>";
        a.cameraId = "gate";
        a.plateText = "0567AM76";
        a.confidence = 0.9f;
        a.seenAt = System.currentTimeMillis() - 60_000;
        new AlertsTable(db).ensureSchema().insert(List.of(a));

        browser = EventsPageBrowserTest.headless(dir.resolve("chromium"), "1280,720", Map.of());
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void withoutATokenTheListIsShownReadOnlyAndTheAlertsWithTheirBadge() {
        try (WebServer server = WebServer.start(db.readOnly(), db, "127.0.0.1", 0, null)) {
            String base = "http://127.0.0.1:" + server.port();
            browser.get(base + "/watchlist");
            wait.until(d -> d.findElements(By.cssSelector("#entries tbody tr")).size() == 1);
            assertThat(browser.findElement(By.id("entries")).getText()).contains("O567AM76").contains("near")
                    .contains("<b>stolen</b>");
            assertThat(browser.findElement(By.id("readonly")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("add")).isDisplayed()).isFalse();
            assertThat(browser.findElements(By.cssSelector("#entries button"))).isEmpty();

            browser.get(base + "/alerts");
            wait.until(d -> d.findElements(By.cssSelector("#alerts tbody tr")).size() == 1);
            assertThat(browser.findElement(By.id("alerts")).getText()).contains("0567AM76").contains("gate").contains("0.90");
            wait.until(d -> d.findElement(By.id("badge")).isDisplayed());
            assertThat(browser.findElement(By.id("badge")).getText()).isEqualTo("1");

            browser.get(base + "/cameras");
            wait.until(d -> d.findElements(By.cssSelector("#cameras tbody tr")).size() == 2); // lpr.js still fills it
            wait.until(d -> d.findElement(By.id("badge")).isDisplayed());
            assertThat(browser.findElement(By.id("badge")).getText()).isEqualTo("1");
        }
    }

    @Test
    void withATokenEntriesAreAddedWithTheFormAndRemoved() {
        try (WebServer server = WebServer.start(db.readOnly(), db, "127.0.0.1", 0, TOKEN)) {
            browser.get("http://lpr:" + TOKEN + "@127.0.0.1:" + server.port() + "/watchlist");
            wait.withMessage(() -> "the page said: " + browser.findElement(By.id("error")).getText());
            wait.until(d -> d.findElement(By.id("add")).isDisplayed());
            browser.findElement(By.name("plate")).sendKeys("*777");
            browser.findElement(By.name("note")).sendKeys("pattern");
            browser.findElement(By.name("cameras")).sendKeys("gate, street");
            browser.findElement(By.cssSelector("#add button")).click();
            wait.until(d -> d.findElements(By.cssSelector("#entries tbody tr")).size() == 2);
            assertThat(new WatchTable(db).list()).extracting(e -> e.plate + ":" + String.join(",", e.cameras))
                    .containsExactly("*777:gate,street", "O567AM76:");

            browser.findElements(By.cssSelector("#entries button")).get(1).click();
            wait.until(d -> d.findElements(By.cssSelector("#entries tbody tr")).size() == 1);
            assertThat(new WatchTable(db).list()).extracting(e -> e.plate).containsExactly("*777");
        }
    }
}
