package io.lpr.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.db.Database;
import io.lpr.settings.SettingKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention sweep on a SQLite file, and its settings. */
class RetentionSqliteTest extends RetentionSweeperContract {
    @TempDir
    Path dir;

    @Override
    Database database() {
        return Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
    }

    @Test
    void offUnlessSet() {
        RetentionConfig none = RetentionConfig.from(new Configuration());
        assertThat(none.enabled()).isFalse();
        assertThat(none.events()).isNull();
        assertThat(none.snapshots()).isNull();

        RetentionConfig set = RetentionConfig.from(Configuration.fromMap(
                Map.of("lpr.retention.events", "30 d", "lpr.retention.snapshots", "7 d")));
        assertThat(set.enabled()).isTrue();
        assertThat(set.events()).isEqualTo(Duration.ofDays(30));
        assertThat(set.snapshots()).isEqualTo(Duration.ofDays(7));
        assertThat(set.batchRows()).isEqualTo(500);
        assertThat(set.period()).isEqualTo(Duration.ofMinutes(1));
        // Known keys: --set and --config accept them.
        SettingKeys.requireKnown("lpr.retention.events");
        SettingKeys.requireKnown("lpr.retention.snapshots");
    }

    @Test
    void aRetentionThatIsNotPositiveIsRefusedByName() {
        assertThatThrownBy(() -> RetentionConfig.from(Configuration.fromMap(Map.of("lpr.retention.events", "0 s"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lpr.retention.events must be positive, got PT0S; leave it unset to keep the data");
        // A negative duration Flink itself does not parse; its message names the key too.
        assertThatThrownBy(() -> RetentionConfig.from(Configuration.fromMap(Map.of("lpr.retention.snapshots", "-1 d"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lpr.retention.snapshots'");
    }
}
