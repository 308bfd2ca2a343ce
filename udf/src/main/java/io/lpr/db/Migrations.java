package io.lpr.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Versioned schema changes of one part of the database (a table and its indexes), the same on SQLite and
 * PostgreSQL. Each applied version is a row of {@value #VERSIONS}; {@link #migrate} applies the versions a
 * database lacks, in order, in one transaction, so a database is either at the old version or the new one.
 * A change to a table is one more {@link Migration} at the end of its list; a released one is never edited.
 *
 * <p>Why not Flyway: Flyway 13 (flyway-core with SQLite, flyway-database-postgresql) is on Maven Central, but
 * it does not lock a SQLite database while it migrates ({@code SQLiteTable.doLock} only logs that SQLite
 * "does not support locking"), and every parallel sink subtask migrates on its first connection; here SQLite
 * callers take turns on the write lock and PostgreSQL callers on an advisory lock. It would also bring its
 * plugin loading into the job jar a cluster runs, for a list of three steps.
 */
public final class Migrations {
    /** The table of applied versions, one row per (schema, version). */
    public static final String VERSIONS = "lpr_schema_versions";

    /** What one version does to a database, in the transaction of {@link #migrate}. */
    @FunctionalInterface
    public interface Step {
        void apply(Statement st, SqlDialect dialect) throws SQLException;
    }

    /** @param version 1, 2, 3 ... in the order they are applied */
    public record Migration(int version, String description, Step step) {}

    private final String schema;
    private final List<Migration> migrations;

    /** @param schema the name the versions are recorded under, e.g. the table's */
    public Migrations(String schema, List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException(schema + ": migration " + (i + 1) + " has version "
                        + migrations.get(i).version() + "; versions are 1, 2, 3 ... in order");
            }
        }
        this.schema = schema;
        this.migrations = List.copyOf(migrations);
    }

    /**
     * Creates the schema in {@code database} when absent, or brings it to its latest version, on a connection of
     * its own; a failure is one line naming the table and the database.
     */
    public void ensure(Database database) {
        database.requireCreatable();
        try (Connection connection = database.open()) {
            migrate(connection, database.dialect());
        } catch (SQLException e) {
            throw new DatabaseException(database.describe("creating table " + schema, e), e);
        }
    }

    /** A step of plain statements, which may depend on the dialect (its time and blob types). */
    public static Step sql(Function<SqlDialect, List<String>> statements) {
        return (st, dialect) -> {
            for (String sql : statements.apply(dialect)) {
                st.execute(sql);
            }
        };
    }

    public int latest() {
        return migrations.size();
    }

    /**
     * Brings the database to the latest version and returns the version it was at (0: none recorded). Safe to
     * call concurrently: on PostgreSQL callers take turns on an advisory lock, on SQLite on the write lock.
     *
     * @throws SQLException also when the database is at a version newer than this code knows
     */
    public int migrate(Connection connection, SqlDialect dialect) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        boolean sqlite = dialect == SqlDialect.SQLITE;
        // SQLite: the transaction takes the write lock before it reads the version (BEGIN IMMEDIATE), so two
        // callers cannot both read an old version and then deadlock upgrading their read locks; the second waits.
        connection.setAutoCommit(sqlite);
        try (Statement st = connection.createStatement()) {
            if (sqlite) {
                st.execute("BEGIN IMMEDIATE");
            } else {
                // Parallel sink subtasks race on CREATE ... IF NOT EXISTS (a duplicate-key error on the catalog),
                // so they take turns; the lock ends with the transaction.
                st.execute("SELECT pg_advisory_xact_lock(hashtext('lpr." + schema + "'))");
            }
            try {
                int current = apply(connection, st, dialect);
                end(connection, st, sqlite, "COMMIT");
                return current;
            } catch (SQLException | RuntimeException e) {
                end(connection, st, sqlite, "ROLLBACK");
                throw e;
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private int apply(Connection connection, Statement st, SqlDialect dialect) throws SQLException {
        st.execute("CREATE TABLE IF NOT EXISTS " + VERSIONS + " (schema_name TEXT NOT NULL, version INTEGER NOT NULL, "
                + "description TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (schema_name, version))");
        int current = current(connection);
        if (current > latest()) {
            throw new SQLException(schema + " is at schema version " + current + " but this lpr knows versions up to "
                    + latest() + ": use the lpr that wrote it, or a newer one");
        }
        for (Migration m : migrations.subList(current, migrations.size())) {
            m.step().apply(st, dialect);
            record(connection, m);
        }
        return current;
    }

    private static void end(Connection connection, Statement st, boolean sqlite, String how) throws SQLException {
        if (sqlite) {
            st.execute(how);
        } else if (how.equals("COMMIT")) {
            connection.commit();
        } else {
            connection.rollback();
        }
    }

    /** The version recorded for this schema, 0 when none is. */
    public int current(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT MAX(version) FROM " + VERSIONS + " WHERE schema_name = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private void record(Connection connection, Migration m) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + VERSIONS
                + " (schema_name, version, description, applied_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, schema);
            ps.setInt(2, m.version());
            ps.setString(3, m.description());
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /** The columns a table has, lower case: for a step that adds columns older tables may already have. */
    public static Set<String> columns(Statement st, String table) throws SQLException {
        Set<String> present = new HashSet<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                present.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        return present;
    }
}
