package io.lpr.job;

import io.lpr.camera.CameraOptions;
import io.lpr.db.SinkOptions;
import io.lpr.settings.SourceOptions;
import io.lpr.model.ModelDirectoryOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.cluster.JobSubmission;
import io.lpr.settings.KafkaOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's entry point reads the flags {@code lpr run --cluster} passes on, without the CLI. */
class LprJobArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void theFlagsARunSubmitsBecomeTheJobsSettings() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        List<String> args = JobSubmission.clusterArguments(List.of("--camera", "gate=rtsp://cam/1", "--camera=yard=rtsp://cam/2",
                "--cameras-table", "--sink", "jdbc:sqlite:/data/plates.db", "--kafka-bootstrap", "kafka:9092",
                "--kafka-topic", "gates", "--set", "lpr.camera.sample-fps=2", "--resume", "--cluster", "127.0.0.1:8081"),
                models);

        Configuration configuration = LprJob.parse(args.toArray(String[]::new)).configuration();

        assertThat(configuration.get(SourceOptions.CAMERAS)).containsExactly("gate=rtsp://cam/1", "yard=rtsp://cam/2");
        assertThat(configuration.get(SourceOptions.CAMERAS_TABLE)).isTrue();
        assertThat(configuration.get(SinkOptions.JDBC_URL)).isEqualTo("jdbc:sqlite:/data/plates.db");
        assertThat(configuration.get(KafkaOptions.BOOTSTRAP)).isEqualTo("kafka:9092");
        assertThat(configuration.get(KafkaOptions.TOPIC)).isEqualTo("gates");
        assertThat(configuration.get(CameraOptions.SAMPLE_FPS)).isEqualTo(2.0);
        assertThat(configuration.get(ModelDirectoryOptions.DIR)).isEqualTo(models.toAbsolutePath().normalize().toString());
    }

    @Test
    void theDatabaseIsNamedDbWithItsUserAsForEveryCommand() throws Exception {
        Configuration configuration = LprJob.parse(new String[] {"--camera", "gate=a.mp4",
                "--db", "jdbc:postgresql://db/lpr", "--user", "lpr"}).configuration();
        assertThat(configuration.get(SinkOptions.JDBC_URL)).isEqualTo("jdbc:postgresql://db/lpr");
        assertThat(configuration.get(SinkOptions.USER)).isEqualTo("lpr");
    }

    @Test
    void anUnknownFlagIsRefusedByName() {
        assertThatThrownBy(() -> LprJob.parse(new String[] {"--camera", "gate=a.mp4", "--no-such-flag"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--no-such-flag");
    }
}
