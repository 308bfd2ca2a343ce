package io.lpr.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraField;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.db.Database;
import io.lpr.registry.CameraEntry;
import io.lpr.registry.CameraTable;
import io.lpr.registry.JdbcCameraRegistry;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusTable;
import io.lpr.testing.PostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cameras and camera_status tables on a real PostgreSQL, as a production job uses them. */
class PostgresCameraRegistryTest {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @Test
    void theJobSeesTableChangesAndTheStatusTableKeepsTheLatestState() {
        Database db = PG.newJobDatabase();
        JdbcCameraRegistry registry = JdbcCameraRegistry.open(db);
        CameraTable table = registry.table();

        table.put(CameraEntry.of("gate", "rtsp://admin:${GATE_PASS}@127.0.0.1:8554/gate").with(CameraField.FPS, 5.0));
        table.put(CameraEntry.of("yard", "/videos/yard.mp4"));
        assertThat(registry.poll()).extracting(CameraSpec::id).containsExactly("gate", "yard");

        table.setEnabled("gate", false);
        assertThat(registry.poll()).extracting(CameraSpec::id).containsExactly("yard");

        CameraStatusTable status = new CameraStatusTable(db);
        status.createIfAbsent();
        status.upsert(List.of(new CameraStatus("yard", "backoff", "connection refused", 1_000, 10, 1, 1_000)));
        status.upsert(List.of(new CameraStatus("yard", "connected", null, 2_000, 25, 1, 2_000)));
        assertThat(status.list()).singleElement().satisfies(s -> {
            assertThat(s.cameraId()).isEqualTo("yard");
            assertThat(s.toString()).contains("connected");
        });
    }

    /** Every field of the schema in its typed PostgreSQL column; an older table gains the columns it lacks. */
    @Test
    void everyFieldRoundTripsAndAnOlderTableIsExtended() throws Exception {
        Database db = PG.newJobDatabase();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE cameras (id TEXT PRIMARY KEY, url TEXT NOT NULL, "
                    + "enabled BOOLEAN NOT NULL DEFAULT TRUE, fps DOUBLE PRECISION, "
                    + "updated_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            statement.execute("INSERT INTO cameras (id, url, fps) VALUES ('old', '/videos/old.mp4', 2)");
        }
        CameraTable table = JdbcCameraRegistry.open(db).table();
        CameraEntry gate = CameraEntry.of("gate", "rtsp://127.0.0.1:8554/gate").with(Map.of(CameraField.FPS, 2.5,
                CameraField.REALTIME, true, CameraField.WIDTH, 640, CameraField.HEIGHT, 480, CameraField.ROI,
                Roi.of(1, 2, 30, 40), CameraField.TRANSPORT, CameraSpec.Transport.UDP, CameraField.ENABLED, false));
        table.put(gate);
        assertThat(table.list()).containsExactly(gate, CameraEntry.of("old", "/videos/old.mp4").with(CameraField.FPS, 2.0));

        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE cameras SET transport = 'pigeon' WHERE id = 'old'");
        }
        assertThat(table.rows().get(1).problems()).containsExactly("transport must be tcp or udp, got 'pigeon'");
    }
}
