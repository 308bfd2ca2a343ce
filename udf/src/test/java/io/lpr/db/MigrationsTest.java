package io.lpr.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.db.Migrations.Migration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version list on a real SQLite file; PostgreSQL runs it through the job's EventStoreContract. */
class MigrationsTest {
    @TempDir
    Path dir;

    private static final Migration ONE = new Migration(1, "t", Migrations.sql(d -> List.of("CREATE TABLE t (a INTEGER)")));
    private static final Migration TWO = new Migration(2, "t.b", Migrations.sql(d -> List.of("ALTER TABLE t ADD COLUMN b TEXT")));
    private static final Migration THREE = new Migration(3, "t.c", Migrations.sql(d -> List.of("ALTER TABLE t ADD COLUMN c TEXT")));

    @Test
    void appliesWhatIsMissingOnceAndInOrder() throws Exception {
        Database db = Database.of("jdbc:sqlite:" + dir.resolve("m.db"), null, null);
        try (Connection c = db.connect()) {
            assertThat(new Migrations("t", List.of(ONE)).migrate(c, SqlDialect.SQLITE)).isZero();
            Migrations all = new Migrations("t", List.of(ONE, TWO, THREE));
            assertThat(all.migrate(c, SqlDialect.SQLITE)).isEqualTo(1);
            assertThat(all.migrate(c, SqlDialect.SQLITE)).isEqualTo(3);
            assertThat(all.current(c)).isEqualTo(3);
            assertThat(c.getAutoCommit()).as("the caller's autocommit is given back").isTrue();
            try (Statement st = c.createStatement()) {
                assertThat(Migrations.columns(st, "t")).containsExactlyInAnyOrder("a", "b", "c");
            }
        }
    }

    @Test
    void aFailingStepLeavesTheDatabaseAtTheVersionBefore() throws Exception {
        Database db = Database.of("jdbc:sqlite:" + dir.resolve("m.db"), null, null);
        Migration broken = new Migration(2, "broken", Migrations.sql(d -> List.of("ALTER TABLE t ADD COLUMN b TEXT",
                "ALTER TABLE nowhere ADD COLUMN x TEXT")));
        try (Connection c = db.connect()) {
            new Migrations("t", List.of(ONE)).migrate(c, SqlDialect.SQLITE);
            assertThatThrownBy(() -> new Migrations("t", List.of(ONE, broken)).migrate(c, SqlDialect.SQLITE))
                    .isInstanceOf(SQLException.class).hasMessageContaining("nowhere");
            assertThat(new Migrations("t", List.of(ONE)).current(c)).isEqualTo(1);
            try (Statement st = c.createStatement()) {
                assertThat(Migrations.columns(st, "t")).containsExactly("a");
            }
        }
    }

    /** Parallel sink subtasks upgrading one file: each version is applied once, none fails on a lock. */
    @Test
    void concurrentCallersTakeTurns() throws Exception {
        Database db = Database.of("jdbc:sqlite:" + dir.resolve("m.db"), null, null);
        try (Connection c = db.connect()) {
            new Migrations("t", List.of(ONE)).migrate(c, SqlDialect.SQLITE);
        }
        Migrations all = new Migrations("t", List.of(ONE, TWO, THREE));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> callers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                callers.add(() -> {
                    try (Connection c = db.connect()) {
                        return all.migrate(c, SqlDialect.SQLITE);
                    }
                });
            }
            List<Integer> from = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(callers)) {
                from.add(f.get());
            }
            assertThat(from).containsOnlyOnce(1).filteredOn(v -> v != 1).containsOnly(3);
        } finally {
            pool.shutdown();
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + Migrations.VERSIONS)) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void versionsMustCountFromOne() {
        assertThatThrownBy(() -> new Migrations("t", List.of(TWO)))
                .hasMessage("t: migration 1 has version 2; versions are 1, 2, 3 ... in order");
    }
}
