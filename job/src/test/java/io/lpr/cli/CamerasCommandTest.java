package io.lpr.cli;

import static io.lpr.cli.LprCliTest.lpr;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.testing.TestClips;
import java.nio.file.Path;
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
}
