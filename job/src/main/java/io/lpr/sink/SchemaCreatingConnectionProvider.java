package io.lpr.sink;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;

/**
 * The connector's connection provider, plus the table: each sink subtask creates the schema on its first
 * connection, so the sink also works against an empty database when nobody called
 * {@link EventStore#ensureSchema} first.
 */
final class SchemaCreatingConnectionProvider extends SimpleJdbcConnectionProvider {
    private static final long serialVersionUID = 1L;

    private final Database db;
    private transient boolean schemaReady;

    SchemaCreatingConnectionProvider(Database db) {
        super(db.connectionOptions());
        this.db = db;
    }

    @Override
    public Connection getOrEstablishConnection() throws SQLException, ClassNotFoundException {
        if (getConnection() == null) {
            db.requireCreatable();
        }
        Connection connection = super.getOrEstablishConnection();
        if (!schemaReady) {
            EventStore.createSchema(connection, db.dialect());
            schemaReady = true;
        }
        return connection;
    }
}
