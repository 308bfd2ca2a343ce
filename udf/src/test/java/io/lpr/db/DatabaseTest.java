package io.lpr.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theSqliteFileOfARelativeUrlIsResolvedAgainstTheWorkingDirectory() {
        Database db = Database.of("jdbc:sqlite:no/such/dir/plates.db", null, null);
        Path expected = Path.of("no/such/dir/plates.db").toAbsolutePath();
        assertThatThrownBy(db::requireCreatable).hasMessageContaining(expected.toString());
    }
}
