package io.lpr.settings;

import io.lpr.job.JobConfiguration;
import io.lpr.job.JobRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.camera.CameraDefaults;
import io.lpr.camera.CameraSpec;
import io.lpr.db.SinkConfig;
import io.lpr.dedup.DedupConfig;
import io.lpr.detect.DetectorConfig;
import io.lpr.detect.PlateShape;
import io.lpr.guide.GuideConfig;
import io.lpr.recognize.ReadingPolicy;
import io.lpr.model.Device;
import io.lpr.runtime.BatchingConfig;
import io.lpr.recognize.RecognizerConfig;
import io.lpr.track.TrackerConfig;
import io.lpr.registry.YamlCameraRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LprSettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTheReferencesChoices() {
        LprSettings s = LprSettings.from(new JobConfiguration().build());
        assertThat(s.cameraDefaults().width()).isEqualTo(1920);
        assertThat(s.cameraDefaults().height()).isEqualTo(1080);
        assertThat(s.detector().format()).isEqualTo(DetectorConfig.Format.ONNX_END2END);
        assertThat(s.detector().tileSizes()).containsExactly(640, 832);
        assertThat(s.recognizer().maxBatch()).isEqualTo(32);
        assertThat(s.tracker().passageGap()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.sink().jdbcUrl()).isEqualTo("jdbc:sqlite:plates.db");
    }

    @Test
    void yamlNestedKeysListsAndOverridesInRisingPriority() throws IOException {
        Path yaml = Files.writeString(dir.resolve("lpr.yaml"), """
                lpr:
                  cameras: ["gate=/v/gate.mp4", "yard=/v/yard.mp4"]
                  camera:
                    sample-fps: 2
                  detector:
                    tile-sizes: [832]
                    whole-frame: false
                  tracker:
                    passage-gap: 5 s
                """);
        LprSettings s = LprSettings.from(new JobConfiguration()
                .file(yaml)
                .overrides(List.of("lpr.camera.sample-fps=3"))
                .build());

        assertThat(s.sources().cameras()).containsExactly("gate=/v/gate.mp4", "yard=/v/yard.mp4");
        assertThat(s.cameraDefaults().sampleFps()).isEqualTo(3.0);
        assertThat(s.detector().tileSizes()).containsExactly(832);
        assertThat(s.detector().wholeFrame()).isFalse();
        assertThat(s.tracker().passageGap()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void devicesAreAnEnumInAnyCaseAndTheAsyncOperatorsCapacityAndTimeoutAreSettings() {
        LprSettings s = LprSettings.from(new JobConfiguration().overrides(List.of(
                "lpr.detector.device=gpu", "lpr.recognizer.device=CPU",
                "lpr.detector.capacity=8", "lpr.detector.timeout=30 s", "lpr.detector.max-consecutive-failures=3",
                "lpr.recognizer.capacity=16", "lpr.recognizer.timeout=1 min")).build());
        assertThat(s.detector().device()).isEqualTo(Device.GPU);
        assertThat(s.recognizer().device()).isEqualTo(Device.CPU);
        assertThat(s.detectorBatching().capacity()).isEqualTo(8);
        assertThat(s.detectorBatching().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.detectorBatching().maxConsecutiveFailures()).isEqualTo(3);
        assertThat(s.recognizerBatching().capacity()).isEqualTo(16);
        assertThat(s.recognizerBatching().timeout()).isEqualTo(Duration.ofMinutes(1));

        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.detector.device=tpu")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lpr.detector.device");
        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.recognizer.capacity=0")).build()))
                .hasMessageContaining("lpr.recognizer.capacity must be at least 1, got 0");
    }

    @Test
    void eachDefaultIsTheOneItsConfigHolds() {
        LprSettings s = LprSettings.from(new JobConfiguration().build());
        assertThat(s.detector()).isEqualTo(DetectorConfig.DEFAULTS);
        assertThat(s.recognizer()).isEqualTo(RecognizerConfig.DEFAULTS);
        assertThat(s.tracker()).isEqualTo(TrackerConfig.DEFAULTS);
        assertThat(s.recognizerBatching()).isEqualTo(BatchingConfig.DEFAULTS);
        assertThat(s.detectorBatching()).isEqualTo(BatchingConfig.DETECTOR_DEFAULTS);
        assertThat(s.cameraDefaults().width()).isEqualTo(CameraDefaults.DEFAULTS.width());
        assertThat(s.plateShape()).isEqualTo(PlateShape.DEFAULTS);
        assertThat(s.guide()).isEqualTo(GuideConfig.DEFAULTS);
        assertThat(s.reading()).usingRecursiveComparison().isEqualTo(ReadingPolicy.DEFAULTS);
        assertThat(s.dedup()).isEqualTo(DedupConfig.DEFAULTS);
        assertThat(s.watermark()).isEqualTo(WatermarkConfig.DEFAULTS);
        assertThat(s.sink()).isEqualTo(SinkConfig.DEFAULTS);
        assertThat(s.run()).isEqualTo(RunConfig.DEFAULTS);
        assertThat(s.sources()).isEqualTo(CameraSources.DEFAULTS);
    }

    @Test
    void printsEverySettingWithItsPasswordsMasked() {
        LprSettings s = LprSettings.from(new JobConfiguration().overrides(List.of(
                "lpr.cameras=gate=rtsp://admin:hunter2@127.0.0.1:8554/gate",
                "lpr.sink.jdbc-url=jdbc:postgresql://127.0.0.1/lpr?user=lpr&password=hunter2")).build());
        assertThat(s.toString())
                .startsWith("LprSettings[models=")
                .contains("gate=rtsp://admin:***@127.0.0.1:8554/gate", "sampleFps=5.0", "user=null")
                .doesNotContain("hunter2");
    }

    @Test
    void detectionIsGuidedByDefaultAndFullTilingOnRequest() {
        LprSettings defaults = LprSettings.from(new JobConfiguration().build());
        assertThat(defaults.guide().guided()).isTrue();
        assertThat(defaults.guide().sweepPeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.guide().trackTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.detector().watchConfidence()).isEqualTo(0.2f).isLessThan(defaults.detector().confidence());
        assertThat(LprSettings.from(new JobConfiguration()
                .overrides(List.of("lpr.detector.watch-confidence=0.1")).build()).detector().watchConfidence())
                .isEqualTo(0.1f);
        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.detector.watch-confidence=0.4")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lpr.detector.watch-confidence").hasMessageContaining("at most lpr.detector.confidence");

        LprSettings full = LprSettings.from(new JobConfiguration()
                .overrides(List.of("lpr.guide.enabled=false", "lpr.guide.sweep-period=4 s",
                        "lpr.guide.motion-height=90"))
                .build());
        assertThat(full.guide().guided()).isFalse();
        assertThat(full.guide().sweepPeriod()).isEqualTo(Duration.ofSeconds(4));
        assertThat(full.guide().motionHeight()).isEqualTo(90);

        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.guide.sweep-period=0 s")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lpr.guide.sweep-period must be positive");
        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.guide.motion-threshold=300")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lpr.guide.motion-threshold");
    }

    @Test
    void theGuideSettingsOldDetectorKeysAreStillRead() {
        LprSettings old = LprSettings.from(new JobConfiguration()
                .overrides(List.of("lpr.detector.guided=false", "lpr.detector.track-ttl=3 s")).build());
        assertThat(old.guide()).isEqualTo(GuideConfig.DEFAULTS.withGuided(false).withTrackTtl(Duration.ofSeconds(3)));
    }

    @Test
    void everyStageNamesItsBadSetting() {
        for (String bad : List.of("lpr.cameras-poll-interval=0 s", "lpr.camera.sample-fps=-1",
                "lpr.camera.reconnect.multiplier=0.5", "lpr.detector.max-aspect=0.5", "lpr.detector.workers=0",
                "lpr.recognizer.threads=-1", "lpr.recognizer.min-confidence=2", "lpr.recognizer.max-delay=-1 ms",
                "lpr.tracker.min-frames=0", "lpr.dedup.window=-1 s", "lpr.watermark.idleness=0 s",
                "lpr.stop.drain-wait=-1 s", "lpr.kafka.bootstrap=nohost")) {
            String key = bad.substring(0, bad.indexOf('='));
            String named = key.startsWith("lpr.camera.reconnect") ? "lpr.camera.reconnect"
                    : key.equals("lpr.detector.max-aspect") ? "max-aspect" : key;
            assertThatThrownBy(() -> LprSettings.from(new JobConfiguration().overrides(List.of(bad)).build()))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
        }
    }

    @Test
    void commandsThatNeedOnlyTheDatabaseStillRefuseAnyBadSetting() {
        assertThat(LprSettings.database(new JobConfiguration()
                .overrides(List.of("lpr.sink.jdbc-url=jdbc:sqlite:events.db")).build()).url())
                .isEqualTo("jdbc:sqlite:events.db");
        assertThatThrownBy(() -> LprSettings.database(new JobConfiguration()
                        .overrides(List.of("lpr.tracker.min-frames=0")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lpr.tracker.min-frames must be at least 1, got 0");
    }

    @Test
    void badValuesAreOneLineNamingTheSetting() {
        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.detector.confidence=high")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lpr.detector.confidence");
        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.detector.confidence=1.5")).build()))
                .hasMessageContaining("lpr.detector.confidence must be in (0, 1]");
        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.sink.jdbc-url=jdbc:mysql://x/y")).build()))
                .hasMessageContaining("lpr.sink.jdbc-url");
        assertThatThrownBy(() -> new JobConfiguration().overrides(List.of("no-equals")))
                .hasMessageContaining("--set expects key=value");
    }

    @Test
    void aConfigFileThatIsNotYamlIsOneLine() throws IOException {
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), "lpr: [unclosed");
        assertThatThrownBy(() -> new JobConfiguration().file(yaml))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("config file " + yaml + " is not valid YAML");
    }

    @Test
    void camerasGetTheJobWideSamplingAndSize() {
        LprSettings s = LprSettings.from(new JobConfiguration()
                .set(SourceOptions.CAMERAS.key(), List.of("gate=/v/gate.mp4"))
                .overrides(List.of("lpr.camera.sample-fps=2", "lpr.camera.frame-width=0", "lpr.camera.frame-height=0"))
                .build());
        assertThat(JobRunner.cameras(s)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("gate");
            assertThat(c.sampleFps()).isEqualTo(2.0);
            assertThat(c.width()).isZero();
        });
        assertThatThrownBy(() -> JobRunner.cameras(LprSettings.from(new JobConfiguration()
                        .set(SourceOptions.CAMERAS.key(), List.of("a=/x.mp4", "a=/y.mp4")).build())))
                .hasMessageContaining("camera id 'a' is given more than once");
    }

    @Test
    void cameraFileEntriesTakeTheJobsDefaultsForWhatTheyLeaveOut() throws IOException {
        Path cameras = Files.writeString(dir.resolve("cameras.yaml"), """
                cameras:
                  - id: gate
                    url: rtsp://127.0.0.1:8554/gate
                  - id: yard
                    url: /videos/yard.mp4
                    fps: 1
                    width: 0
                    height: 0
                """);
        LprSettings s = LprSettings.from(new JobConfiguration()
                .overrides(List.of("lpr.camera.sample-fps=4", "lpr.camera.transport=UDP", "lpr.camera.timeout=2 s"))
                .build());

        List<CameraSpec> specs = YamlCameraRegistry.open(cameras, s.cameraDefaults()).poll();

        assertThat(specs.get(0).sampleFps()).isEqualTo(4.0);
        assertThat(specs.get(0).transport()).isEqualTo(CameraSpec.Transport.UDP);
        assertThat(specs.get(0).timeout()).isEqualTo(Duration.ofMillis(2_000));
        assertThat(specs.get(0).width()).isEqualTo(1920);
        assertThat(specs.get(1).sampleFps()).isEqualTo(1.0);
        assertThat(specs.get(1).width()).isZero();
    }
}
