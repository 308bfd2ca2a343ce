package io.lpr.cli;

import static io.lpr.cli.LprCliTest.lpr;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraField;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import io.lpr.db.Database;
import io.lpr.registry.CameraEntry;
import io.lpr.registry.CameraTable;
import io.lpr.settings.SettingKeys;
import io.lpr.testing.TestClips;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamerasCommandTest {
    @TempDir
    Path dir;

    @Test
    void addListDisableRemoveWithCredentialsNeverShown() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        // A video file must exist and be a video, as for `run --camera`.
        Path yard = TestClips.make(dir, "yard.mp4", 1, 1, 320, 240);
        assertThat(lpr("cameras", "add", "--db", db, "gate", "rtsp://admin:s3cret@127.0.0.1:8554/gate", "--fps", "5",
                "--transport", "udp").exit()).isZero();
        assertThat(lpr("cameras", "add", "--db", db, "yard", yard.toString()).exit()).isZero();

        LprCliTest.Result list = lpr("cameras", "list", "--db", db);
        assertThat(list.out()).contains("gate", "enabled", "rtsp://admin:***@127.0.0.1:8554/gate", "yard")
                .doesNotContain("s3cret");

        assertThat(lpr("cameras", "disable", "--db", db, "gate").out()).contains("camera gate disabled");
        assertThat(lpr("cameras", "list", "--db", db).out()).containsPattern("gate\\s+disabled");

        assertThat(lpr("cameras", "remove", "--db", db, "yard").exit()).isZero();
        assertThat(lpr("cameras", "list", "--db", db).out()).doesNotContain("yard");

        LprCliTest.Result missing = lpr("cameras", "enable", "--db", db, "nope");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("lpr: no camera 'nope'");
    }

    @Test
    void aBadCameraIsRefusedBeforeItReachesTheTable() {
        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        LprCliTest.Result bad = lpr("cameras", "add", "--db", db, "bad id!", "/videos/x.mp4");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).startsWith("lpr: camera id 'bad id!'");
        assertThat(lpr("cameras", "status", "--db", db).exit()).isZero();
    }

    /** Each setting of the camera schema is an option of `cameras add`, with its help, and lands in its column. */
    @Test
    void everySchemaFieldIsAnOptionOfAdd() throws Exception {
        String help = lpr("cameras", "add", "--help").out();
        for (CameraField field : CameraField.values()) {
            assertThat(help).contains("--" + field.key());
        }
        assertThat(help).contains("Default: the job's lpr.camera.sample-fps.");
        // The settings the schema names as defaults are the job's own keys.
        for (CameraField field : CameraField.values()) {
            if (field.setting() != null) {
                SettingKeys.requireKnown(field.setting());
            }
        }

        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        assertThat(lpr("cameras", "add", "--db", db, "gate", "rtsp://127.0.0.1:8554/gate", "--fps", "2.5",
                "--realtime", "--width", "640", "--height", "480", "--roi", "1,2,30,40", "--transport", "UDP",
                "--enabled=false").exit()).isZero();
        CameraEntry stored = new CameraTable(Database.of(db, null, null)).list().get(0);
        assertThat(stored).isEqualTo(CameraEntry.of("gate", "rtsp://127.0.0.1:8554/gate").with(Map.of(
                CameraField.FPS, 2.5, CameraField.REALTIME, true, CameraField.WIDTH, 640, CameraField.HEIGHT, 480,
                CameraField.ROI, Roi.of(1, 2, 30, 40), CameraField.TRANSPORT, CameraSpec.Transport.UDP,
                CameraField.ENABLED, false)));

        LprCliTest.Result bad = lpr("cameras", "add", "--db", db, "gate", "rtsp://127.0.0.1:8554/gate", "--fps", "fast");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("lpr: fps must be a number, got 'fast'");
        LprCliTest.Result half = lpr("cameras", "add", "--db", db, "gate", "rtsp://127.0.0.1:8554/gate", "--width", "9");
        assertThat(half.err().strip()).isEqualTo("lpr: camera gate: give both width and height, or neither");
    }

    /** Rows written by hand: each is listed with what can be read, what cannot is named, and nothing drives the terminal. */
    @Test
    void listShowsEveryRowNamingWhatCannotBeReadAndEscapesControlCharacters() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("plates.db");
        assertThat(lpr("cameras", "list", "--db", db).exit()).isZero();
        try (Connection connection = Database.of(db, null, null).connect();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO cameras (id, url, fps) VALUES ('a-fast', 'rtsp://u:hunter2@cam/s', 'fast')");
            statement.execute("INSERT INTO cameras (id, url, width) VALUES ('b-half', '/videos/b.mp4', 640)");
            statement.execute("INSERT INTO cameras (id, url, roi, transport) "
                    + "VALUES ('c-worse', '/videos/c.mp4', '1,2', 'pigeon')");
            statement.execute("INSERT INTO cameras (id, url) VALUES ('d-evil' || char(27) || '[2J', "
                    + "'/videos/d' || char(10) || char(7) || '.mp4')");
            statement.execute("INSERT INTO cameras (id, url) VALUES ('e-good', '/videos/e.mp4')");
        }

        LprCliTest.Result list = lpr("cameras", "list", "--db", db);

        assertThat(list.exit()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("a-fast", "enabled", "rtsp://u:***@cam/s", "fps must be a number, got 'fast'")
                .doesNotContain("hunter2");
        assertThat(lines.get(1)).contains("b-half", "/videos/b.mp4", "give both width and height");
        assertThat(lines.get(2)).contains("c-worse", "roi must be", "transport must be tcp or udp, got 'pigeon'");
        assertThat(lines.get(3)).contains("d-evil\\x1b[2J", "/videos/d\\n\\x07.mp4");
        assertThat(lines.get(4)).contains("e-good", "/videos/e.mp4").doesNotContain("(");
        assertThat(list.out()).doesNotContain("\u001b", "\u0007");
    }
}
