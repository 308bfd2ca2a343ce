package io.lpr.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraField;
import io.lpr.camera.CameraSpec;
import io.lpr.db.Database;
import io.lpr.registry.CameraEntry;
import io.lpr.registry.CameraTable;
import io.lpr.registry.JdbcCameraRegistry;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusTable;
import io.lpr.testing.PostgresServer;
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
}
