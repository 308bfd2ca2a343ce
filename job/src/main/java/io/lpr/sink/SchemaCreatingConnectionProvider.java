package io.lpr.sink;

import io.lpr.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.datasource.connections.JdbcConnectionProvider;

/**
 * The sink's connection: opened through {@link Database}, so the password is read from the environment of
 * the task manager when connecting and never travels in the connector's options. Each sink subtask also
 * creates the table on its first connection, so the sink works against an empty database.
 */
final class SchemaCreatingConnectionProvider implements JdbcConnectionProvider {
    private static final long serialVersionUID = 1L;
    private static final int VALIDATION_TIMEOUT_S = 5;

    private final Database db;
    private transient Connection connection;
    private transient boolean schemaReady;

    SchemaCreatingConnectionProvider(Database db) {
        this.db = db;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean isConnectionValid() throws SQLException {
        return connection != null && connection.isValid(VALIDATION_TIMEOUT_S);
    }

    @Override
    public Connection getOrEstablishConnection() throws SQLException {
        if (connection == null) {
            db.requireCreatable();
            connection = db.open();
        }
        if (!schemaReady) {
            EventStore.createSchema(connection, db.dialect());
            schemaReady = true;
        }
        return connection;
    }

    @Override
    public void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing a broken connection can fail; it is gone either way.
            } finally {
                connection = null;
            }
        }
    }

    @Override
    public Connection reestablishConnection() throws SQLException {
        closeConnection();
        return getOrEstablishConnection();
    }
}
