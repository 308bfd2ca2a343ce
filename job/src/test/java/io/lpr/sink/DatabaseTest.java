package io.lpr.sink;

import io.lpr.db.SqlDialect;
import io.lpr.track.EventIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.event.PlateEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseTest {
    @Test
    void picksTheDialectFromTheUrl() {
        assertThat(Database.of("jdbc:sqlite:plates.db", null, null).dialect()).isEqualTo(SqlDialect.SQLITE);
        assertThat(Database.of("jdbc:postgresql://db:5432/lpr", "lpr", "LPR_DB_PASSWORD").dialect()).isEqualTo(SqlDialect.POSTGRES);
    }

    @Test
    void aBarePathIsASqliteFile() {
        Database db = Database.of("data/plates.db", null, null);
        assertThat(db.url()).isEqualTo("jdbc:sqlite:data/plates.db");
        assertThat(db.isSqlite()).isTrue();
    }

    @Test
    void anUnsupportedUrlIsOneLineWithoutThePassword() {
        assertThatThrownBy(() -> Database.of("jdbc:mysql://db/lpr?user=a&password=secret", null, null))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("unsupported database URL jdbc:mysql://db/lpr?user=a&password=***: "
                        + "expected jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    @Test
    void masksPasswordsInUrls() {
        assertThat(Database.mask("jdbc:postgresql://db/lpr?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/lpr?user=a&password=***&ssl=true");
        assertThat(Database.mask("jdbc:postgresql://a:secret@db/lpr")).isEqualTo("jdbc:postgresql://a:***@db/lpr");
        assertThat(Database.mask("jdbc:sqlite:plates.db")).isEqualTo("jdbc:sqlite:plates.db");
        assertThat(Database.of("jdbc:postgresql://db/lpr?password=secret", "lpr", "LPR_DB_PASSWORD").toString())
                .isEqualTo("jdbc:postgresql://db/lpr?password=*** (user lpr)");
    }

    @Test
    void eventIdsAreDeterministicAndDistinguishEveryPart() {
        String id = EventIds.of("cam-1", "B840CK197", 1_714_564_800_000L);
        assertThat(id).matches("[0-9a-f-]{36}").isEqualTo(EventIds.of("cam-1", "B840CK197", 1_714_564_800_000L));
        assertThat(EventIds.of("cam-2", "B840CK197", 1_714_564_800_000L)).isNotEqualTo(id);
        assertThat(EventIds.of("cam-1", "B840CK19", 1_714_564_800_000L)).isNotEqualTo(id);
        assertThat(EventIds.of("cam-1", "B840CK197", 1_714_564_800_001L)).isNotEqualTo(id);
        assertThat(EventIds.of("a", "bc", 0)).isNotEqualTo(EventIds.of("ab", "c", 0));
    }

    @Test
    void formatsOneLinePerEventInUtc() {
        PlateEvent e = EventStoreContract.event("cam-1", "B840CK197", EventStoreContract.T0, 12);
        assertThat(EventFormat.line(e)).isEqualTo(
                "cam-1        B840CK197  2024-05-01T12:00:00Z .. 2024-05-01T12:00:02.400Z  frames=12 votes=11 "
                        + "det=0.90 text=-100.5");
    }

    @Test
    void theSqliteFileOfARelativeUrlIsResolvedAgainstTheWorkingDirectory() {
        Database db = Database.of("jdbc:sqlite:no/such/dir/plates.db", null, null);
        Path expected = Path.of("no/such/dir/plates.db").toAbsolutePath();
        assertThatThrownBy(db::requireCreatable).hasMessageContaining(expected.toString());
    }
}
