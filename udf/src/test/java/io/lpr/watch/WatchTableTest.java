package io.lpr.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchlist table on a real SQLite file. */
class WatchTableTest {
    @TempDir
    Path dir;

    @Test
    void entriesAreAddedReplacedListedAndRemoved() {
        WatchTable table = new WatchTable(Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null));
        assertThat(table.list()).as("no table yet").isEmpty();
        table.ensureSchema();

        WatchEntry stolen = WatchEntry.of("O567AM76", true, "stolen", WatchLevel.ALERT, 1_800_000_000_000L, "gate", "street");
        WatchEntry pattern = WatchEntry.of("*777", false, null, WatchLevel.INFO, null);
        table.put(stolen);
        table.put(pattern);
        assertThat(table.list()).containsExactly(pattern, stolen);

        WatchEntry changed = WatchEntry.of("о567ам76", false, "found", WatchLevel.INFO, null);
        table.put(changed);
        assertThat(table.list()).containsExactly(pattern, changed);

        assertThat(table.remove("o567am76")).isTrue();
        assertThat(table.remove("O567AM76")).isFalse();
        assertThat(table.list()).containsExactly(pattern);
        assertThat(table.ensureSchema().list()).as("migrating again changes nothing").containsExactly(pattern);
    }
}
