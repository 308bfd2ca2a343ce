package io.lpr.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.camera.CameraDefaults;
import io.lpr.camera.CameraField;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.FieldKind;
import io.lpr.camera.Reconnect;
import io.lpr.camera.Roi;
import io.lpr.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cameras file, the cameras table and the defaults all follow {@link CameraField}, field by field. */
class CameraSchemaTest {
    @TempDir
    Path dir;

    /** A value of each kind other than the field's unset one, in YAML and as the value it reads as. */
    private static final Map<FieldKind, Object> SAMPLES = Map.of(FieldKind.BOOLEAN, false, FieldKind.NUMBER, 2.5,
            FieldKind.WHOLE, 640, FieldKind.REGION, Roi.of(1, 2, 30, 40), FieldKind.TRANSPORT, CameraSpec.Transport.UDP);

    private static Map<CameraField, Object> everyField() {
        Map<CameraField, Object> values = new EnumMap<>(CameraField.class);
        for (CameraField field : CameraField.values()) {
            Object sample = SAMPLES.get(field.kind());
            values.put(field, sample.equals(field.unset()) ? !(Boolean) sample : sample);
        }
        return values;
    }

    @Test
    void theCamerasFileReadsEveryFieldByItsKey() {
        StringBuilder yaml = new StringBuilder("cameras:\n  - id: gate\n    url: rtsp://10.0.0.5/s\n");
        everyField().forEach((field, value) -> yaml.append("    ").append(field.key()).append(": ")
                .append(value instanceof Roi roi ? "'" + roi + "'" : field.kind().format(value)).append('\n'));

        List<CameraEntry> entries = CamerasYaml.parse(yaml.toString(), "cameras.yaml");

        assertThat(entries).containsExactly(new CameraEntry("gate", "rtsp://10.0.0.5/s", everyField()));
    }

    @Test
    void theTableStoresEveryFieldInItsColumnAndReadsItBack() {
        CameraTable table = new CameraTable(Database.of("jdbc:sqlite:" + dir.resolve("a.db"), null, null));
        table.createIfAbsent();
        CameraEntry entry = new CameraEntry("gate", "rtsp://10.0.0.5/s", everyField());
        table.put(entry);
        table.put(CameraEntry.of("yard", "/videos/yard.mp4"));

        assertThat(table.list()).containsExactly(entry, CameraEntry.of("yard", "/videos/yard.mp4"));
        assertThat(table.rows()).allSatisfy(row -> assertThat(row.problems()).isEmpty());
    }

    /** A table an older build made, without the newer columns, gains them and keeps its rows. */
    @Test
    void anOlderTableGainsTheColumnsItLacks() throws Exception {
        Database database = Database.of("jdbc:sqlite:" + dir.resolve("old.db"), null, null);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE cameras (id TEXT PRIMARY KEY, url TEXT NOT NULL, "
                    + "enabled BOOLEAN NOT NULL DEFAULT TRUE, fps DOUBLE PRECISION, updated_at TEXT)");
            statement.execute("INSERT INTO cameras (id, url, fps) VALUES ('lane', '/videos/lane.mp4', 5)");
        }
        CameraTable table = new CameraTable(database);
        // Read before the table is opened for writing: the missing columns are the job's.
        assertThat(table.list()).containsExactly(CameraEntry.of("lane", "/videos/lane.mp4").with(CameraField.FPS, 5.0));

        table.createIfAbsent();
        table.createIfAbsent();
        table.put(CameraEntry.of("gate", "rtsp://10.0.0.5/s").with(CameraField.TRANSPORT, CameraSpec.Transport.UDP));
        assertThat(table.list()).extracting(CameraEntry::id).containsExactly("gate", "lane");
        assertThat(table.list().get(0).get(CameraField.TRANSPORT)).isEqualTo(CameraSpec.Transport.UDP);
    }

    @Test
    void aMalformedRowIsReadAsFarAsItCanBe() throws Exception {
        Database database = Database.of("jdbc:sqlite:" + dir.resolve("bad.db"), null, null);
        CameraTable table = new CameraTable(database);
        table.createIfAbsent();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO cameras (id, url, fps, width, height, transport) "
                    + "VALUES ('gate', 'rtsp://u:hunter2@cam/s', 'fast', 640.5, 480, 'udp')");
        }

        CameraRow row = table.rows().get(0);

        assertThat(row.id()).isEqualTo("gate");
        assertThat(row.settings()).containsEntry(CameraField.HEIGHT, 480)
                .containsEntry(CameraField.TRANSPORT, CameraSpec.Transport.UDP);
        assertThat(row.problems()).containsExactly("fps must be a number, got 'fast'",
                "width must be a whole number, got '640.5'");
        // The job's registry refuses the table's poll whole, naming the camera and its first problem.
        assertThatThrownBy(table::list).isInstanceOf(RegistryException.class)
                .hasMessageEndingWith("camera gate: fps must be a number, got 'fast'");
    }

    @Test
    void defaultsAreResolvedInOnePlaceAndTheEntryWins() {
        CameraDefaults job = new CameraDefaults(5, 1280, 720, CameraSpec.Transport.UDP, Duration.ofMillis(2_000),
                Reconnect.of(100, 1_000, 2));

        assertThat(job.resolve("gate", "rtsp://10.0.0.5/s", Map.of())).isEqualTo(
                CameraSpec.of("gate", "rtsp://10.0.0.5/s").withSampleFps(5).withSize(1280, 720)
                        .withTransport(CameraSpec.Transport.UDP).withTimeout(Duration.ofMillis(2_000))
                        .withReconnect(Reconnect.of(100, 1_000, 2)));
        // The job's transport is for RTSP cameras; a file keeps TCP and its own timeout.
        assertThat(job.resolve("yard", "/videos/yard.mp4", Map.of(CameraField.FPS, 1.0, CameraField.WIDTH, 0,
                CameraField.HEIGHT, 0))).isEqualTo(CameraSpec.of("yard", "/videos/yard.mp4").withSampleFps(1)
                        .withSize(0, 0));
        assertThat(new CameraEntry("gate", "rtsp://10.0.0.5/s", everyField()).toSpec(job))
                .satisfies(spec -> {
                    for (CameraField field : CameraField.values()) {
                        if (field.inSpec()) {
                            assertThat(field.of(spec)).as(field.key()).isEqualTo(everyField().get(field));
                        }
                    }
                });
    }
}
