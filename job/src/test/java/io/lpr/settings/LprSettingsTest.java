package io.lpr.settings;

import io.lpr.job.JobConfiguration;
import io.lpr.job.JobRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.camera.CameraSpec;
import io.lpr.detect.DetectorConfig;
import io.lpr.model.Device;
import io.lpr.pipeline.BatchingConfig;
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
        assertThat(s.frameWidth()).isEqualTo(1920);
        assertThat(s.frameHeight()).isEqualTo(1080);
        assertThat(s.detector().format()).isEqualTo(DetectorConfig.Format.ONNX_END2END);
        assertThat(s.detector().tileSizes()).containsExactly(640, 832);
        assertThat(s.recognizer().maxBatch()).isEqualTo(32);
        assertThat(s.tracker().passageGapMs()).isEqualTo(3_000);
        assertThat(s.sinkUrl()).isEqualTo("jdbc:sqlite:plates.db");
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

        assertThat(s.cameras()).containsExactly("gate=/v/gate.mp4", "yard=/v/yard.mp4");
        assertThat(s.sampleFps()).isEqualTo(3.0);
        assertThat(s.detector().tileSizes()).containsExactly(832);
        assertThat(s.detector().wholeFrame()).isFalse();
        assertThat(s.tracker().passageGapMs()).isEqualTo(5_000);
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
                .hasMessageContaining("capacity");
    }

    @Test
    void eachDefaultIsTheOneItsConfigHolds() {
        LprSettings s = LprSettings.from(new JobConfiguration().build());
        assertThat(s.detector()).isEqualTo(DetectorConfig.DEFAULTS);
        assertThat(s.recognizer()).isEqualTo(RecognizerConfig.DEFAULTS);
        assertThat(s.tracker()).isEqualTo(TrackerConfig.DEFAULTS);
        assertThat(s.recognizerBatching()).isEqualTo(BatchingConfig.DEFAULTS);
        assertThat(s.detectorBatching()).isEqualTo(BatchingConfig.DETECTOR_DEFAULTS);
        assertThat(s.cameraDefaults().width()).isEqualTo(CameraSpec.DEFAULT_WIDTH);
    }

    @Test
    void printsEverySettingWithItsPasswordsMasked() {
        LprSettings s = LprSettings.from(new JobConfiguration().overrides(List.of(
                "lpr.cameras=gate=rtsp://admin:hunter2@127.0.0.1:8554/gate",
                "lpr.sink.jdbc-url=jdbc:postgresql://127.0.0.1/lpr?user=lpr&password=hunter2")).build());
        assertThat(s.toString())
                .startsWith("LprSettings[models=")
                .contains("gate=rtsp://admin:***@127.0.0.1:8554/gate", "sampleFps=5.0", "sinkUser=null")
                .doesNotContain("hunter2");
    }

    @Test
    void detectionIsGuidedByDefaultAndFullTilingOnRequest() {
        LprSettings defaults = LprSettings.from(new JobConfiguration().build());
        assertThat(defaults.guide().guided()).isTrue();
        assertThat(defaults.guide().sweepPeriodMs()).isEqualTo(10_000);
        assertThat(defaults.guide().trackTtlMs()).isEqualTo(2_000);
        assertThat(defaults.detector().watchConfidence()).isEqualTo(0.2f).isLessThan(defaults.detector().confidence());
        assertThat(LprSettings.from(new JobConfiguration()
                .overrides(List.of("lpr.detector.watch-confidence=0.1")).build()).detector().watchConfidence())
                .isEqualTo(0.1f);
        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.detector.watch-confidence=0.4")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("watch confidence").hasMessageContaining("at most the detector confidence");

        LprSettings full = LprSettings.from(new JobConfiguration()
                .overrides(List.of("lpr.detector.guided=false", "lpr.detector.sweep-period=4 s",
                        "lpr.detector.motion-height=90"))
                .build());
        assertThat(full.guide().guided()).isFalse();
        assertThat(full.guide().sweepPeriodMs()).isEqualTo(4_000);
        assertThat(full.guide().motionHeight()).isEqualTo(90);

        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.detector.sweep-period=0 s")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sweep period");
        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.detector.motion-threshold=300")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("motion threshold");
    }

    @Test
    void badValuesAreOneLineNamingTheSetting() {
        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.detector.confidence=high")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lpr.detector.confidence");
        assertThatThrownBy(() -> LprSettings.from(new JobConfiguration()
                        .overrides(List.of("lpr.detector.confidence=1.5")).build()))
                .hasMessageContaining("detector confidence must be in (0, 1]");
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
                .set(LprOptions.CAMERAS.key(), List.of("gate=/v/gate.mp4"))
                .overrides(List.of("lpr.camera.sample-fps=2", "lpr.camera.frame-width=0", "lpr.camera.frame-height=0"))
                .build());
        assertThat(JobRunner.cameras(s)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("gate");
            assertThat(c.sampleFps()).isEqualTo(2.0);
            assertThat(c.width()).isZero();
        });
        assertThatThrownBy(() -> JobRunner.cameras(LprSettings.from(new JobConfiguration()
                        .set(LprOptions.CAMERAS.key(), List.of("a=/x.mp4", "a=/y.mp4")).build())))
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
        assertThat(specs.get(0).timeoutMillis()).isEqualTo(2_000);
        assertThat(specs.get(0).width()).isEqualTo(1920);
        assertThat(specs.get(1).sampleFps()).isEqualTo(1.0);
        assertThat(specs.get(1).width()).isZero();
    }
}
