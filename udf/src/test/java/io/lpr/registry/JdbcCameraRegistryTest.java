package io.lpr.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.camera.CameraField;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.db.Database;
import io.lpr.status.CameraState;
import io.lpr.status.CameraStatus;
import io.lpr.status.CameraStatusBoard;
import io.lpr.status.CameraStatusEvent;
import io.lpr.status.CameraStatusTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cameras and camera_status tables on a real SQLite file. */
class JdbcCameraRegistryTest {
    @TempDir
    Path dir;

    private Database database;

    @BeforeEach
    void database() {
        database = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
    }

    @Test
    void camerasAddedChangedDisabledAndDeletedInTheTableAreWhatItPolls() {
        JdbcCameraRegistry registry = JdbcCameraRegistry.open(database);
        CameraTable table = registry.table();
        assertThat(registry.poll()).isEmpty();

        CameraEntry gate = CameraEntry.of("gate1", "rtsp://admin:${GATE_PASS}@10.0.0.5/stream1")
                .with(CameraField.FPS, 5.0).with(CameraField.ROI, Roi.of(10, 20, 300, 200)).with(CameraField.TRANSPORT, CameraSpec.Transport.UDP);
        CameraEntry yard = CameraEntry.of("yard", "/videos/yard.mp4").with(CameraField.REALTIME, true).with(Map.of(CameraField.WIDTH, 0, CameraField.HEIGHT, 0));
        table.put(gate);
        table.put(yard);
        assertThat(table.list()).containsExactly(gate, yard);
        assertThat(registry.poll()).containsExactly(gate.toSpec(), yard.toSpec());
        assertThat(registry.poll().get(0).transport()).isEqualTo(CameraSpec.Transport.UDP);

        table.put(yard.with(CameraField.FPS, 2.5));
        assertThat(registry.poll()).extracting(CameraSpec::sampleFps).containsExactly(5.0, 2.5);

        assertThat(table.setEnabled("gate1", false)).isTrue();
        assertThat(registry.poll()).extracting(CameraSpec::id).containsExactly("yard");
        assertThat(table.list()).hasSize(2);

        assertThat(table.delete("yard")).isTrue();
        assertThat(table.delete("yard")).isFalse();
        assertThat(table.setEnabled("nope", true)).isFalse();
        assertThat(registry.poll()).isEmpty();
    }

    @Test
    void rowsWrittenByHandWithDefaultsAreCameras() throws Exception {
        JdbcCameraRegistry registry = JdbcCameraRegistry.open(database);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO cameras (id, url) VALUES ('lane', '/videos/lane.mp4')");
            statement.execute("INSERT INTO cameras (id, url, enabled, fps, roi) "
                    + "VALUES ('off', '/videos/off.mp4', FALSE, 5, '1,2,3,4')");
        }
        assertThat(registry.poll()).containsExactly(CameraSpec.of("lane", "/videos/lane.mp4"));
        assertThat(registry.table().list().get(1)).isEqualTo(
                CameraEntry.of("off", "/videos/off.mp4").with(CameraField.ENABLED, false).with(CameraField.FPS, 5.0).with(CameraField.ROI, Roi.of(1, 2, 3, 4)));
    }

    @Test
    void aBadRowIsOneLineNamingTheCameraWithoutItsPassword() throws Exception {
        JdbcCameraRegistry registry = JdbcCameraRegistry.open(database);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO cameras (id, url, fps) VALUES ('gate', 'rtsp://u:hunter2@cam/s', -3)");
        }
        assertThatThrownBy(registry::poll)
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("table cameras in jdbc:sqlite:")
                .hasMessageContaining("camera gate: sample rate must be 0")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("\n"));

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE cameras SET fps = 1, transport = 'carrier pigeon' WHERE id = 'gate'");
        }
        assertThatThrownBy(registry::poll).hasMessageContaining("camera gate: transport must be tcp or udp");
    }

    @Test
    void anUnusableDatabaseIsOneLineWithItsPasswordMasked() {
        assertThatThrownBy(() -> JdbcCameraRegistry.open(
                Database.of("jdbc:sqlite:" + dir.resolve("no/such/dir/x.db"), null, null)))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("creating table cameras in jdbc:sqlite:");
        assertThatThrownBy(() -> Database.of("jdbc:mysql://u:secret@host/db", null, null))
                .hasMessage("unsupported database URL jdbc:mysql://u:***@host/db: "
                        + "expected jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    @Test
    void cameraStatesAreUpsertedOneRowPerCamera() {
        CameraStatusTable table = new CameraStatusTable(database);
        table.createIfAbsent();
        CameraStatusBoard board = new CameraStatusBoard();
        board.update(new CameraStatusEvent("gate", CameraState.CONNECTED, null, 1_000, 0, 0), 1_001);
        board.update(new CameraStatusEvent("yard", CameraState.FAILED, "no such file", 2_000, 0, 0), 2_001);
        table.upsert(board.takeChanges());
        assertThat(board.hasChanges()).isFalse();

        board.update(new CameraStatusEvent("gate", CameraState.BACKOFF, "connection refused", 3_000, 42, 1), 3_001);
        List<CameraStatus> changes = board.takeChanges();
        assertThat(changes).extracting(CameraStatus::cameraId).containsExactly("gate");
        table.upsert(changes);

        assertThat(table.list()).containsExactly(
                new CameraStatus("gate", "backoff", "connection refused", 3_000, 42, 1, 3_001),
                new CameraStatus("yard", "failed", "no such file", 2_000, 0, 0, 2_001));
        assertThat(board.snapshot()).containsOnlyKeys("gate", "yard");
        assertThat(board.get("gate")).hasValueSatisfying(status -> assertThat(status.state()).isEqualTo("backoff"));
    }
}
