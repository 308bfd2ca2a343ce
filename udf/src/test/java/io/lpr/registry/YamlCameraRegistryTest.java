package io.lpr.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.camera.CameraDefaults;
import io.lpr.camera.CameraSpec;
import io.lpr.camera.Roi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlCameraRegistryTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("cameras.yaml"), yaml);
    }

    @Test
    void readsEveryEnabledCameraWithItsSettings() throws IOException {
        YamlCameraRegistry registry = YamlCameraRegistry.open(write("""
                cameras:
                  - id: gate1
                    url: rtsp://${GATE_USER}:${GATE_PASS}@10.0.0.5/stream1   # from the environment
                    enabled: true
                    fps: 5
                    transport: udp
                    roi: [640, 360, 1280, 720]
                  - id: yard
                    url: /videos/yard.mp4
                    realtime: true
                    width: 0
                    height: 0
                  - id: lane2
                    url: /videos/lane2.mp4
                    enabled: false
                """));

        List<CameraSpec> cameras = registry.poll();
        assertThat(cameras).extracting(CameraSpec::id).containsExactly("gate1", "yard");
        CameraSpec gate = cameras.get(0);
        // The reference stays a reference: it is resolved where the stream is opened.
        assertThat(gate.url()).isEqualTo("rtsp://${GATE_USER}:${GATE_PASS}@10.0.0.5/stream1");
        assertThat(gate.sampleFps()).isEqualTo(5);
        assertThat(gate.transport()).isEqualTo(CameraSpec.Transport.UDP);
        assertThat(gate.roi()).isEqualTo(Roi.of(640, 360, 1280, 720));
        assertThat(gate.width()).isEqualTo(CameraDefaults.DEFAULTS.width());
        CameraSpec yard = cameras.get(1);
        assertThat(yard).isEqualTo(CameraSpec.of("yard", "/videos/yard.mp4").withRealtime(true).withSize(0, 0));
        assertThat(registry.isDynamic()).isTrue();
        assertThat(registry.entries()).hasSize(3).last().matches(entry -> !entry.enabled());
    }

    @Test
    void followsTheFileAsItChanges() throws IOException {
        Path file = write("cameras:\n  - {id: a, url: /a.mp4}\n");
        YamlCameraRegistry registry = YamlCameraRegistry.open(file);
        assertThat(registry.poll()).extracting(CameraSpec::id).containsExactly("a");

        write("cameras:\n  - {id: a, url: /a.mp4, enabled: false}\n  - {id: b, url: /b.mp4}\n");
        assertThat(registry.poll()).extracting(CameraSpec::id).containsExactly("b");

        write("cameras: []\n");
        assertThat(registry.poll()).isEmpty();
    }

    @Test
    void aMissingFileAtStartIsOneLine() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> YamlCameraRegistry.open(missing))
                .isInstanceOf(RegistryException.class)
                .hasMessage("camera file " + missing + " does not exist");
    }

    @Test
    void badFilesAreRefusedWholeWithOneLineNamingTheProblem() {
        assertRefused("cameras:\n  - id: a\n    url: [unclosed\n", "is not valid YAML (line ");
        assertRefused("", "is empty; expected a 'cameras:' list");
        assertRefused("camras:\n  - {id: a, url: /a.mp4}\n", "unknown top-level key 'camras'");
        assertRefused("cameras:\n  - {id: a, url: /a.mp4, fsp: 5}\n",
                "camera #1 (a): unknown setting 'fsp'; known: enabled, fps, height, id, realtime, roi, transport, url, width");
        assertRefused("cameras:\n  - {id: a, url: /a.mp4, fps: five}\n", "camera #1 (a): fps must be a number, got 'five'");
        assertRefused("cameras:\n  - {id: a, url: /a.mp4, enabled: yes please}\n",
                "camera #1 (a): enabled must be true or false");
        assertRefused("cameras:\n  - {id: a, url: /a.mp4}\n  - {id: a, url: /b.mp4}\n",
                "camera id 'a' is given more than once");
        assertRefused("cameras:\n  - {url: /a.mp4}\n", "camera #1 has no id");
        assertRefused("cameras:\n  - {id: a}\n", "camera #1 (a) has no url");
        assertRefused("cameras:\n  - {id: a, url: /a.mp4, width: 640}\n", "give both width and height");
        assertRefused("cameras:\n  - {id: a, url: /a.mp4, roi: [1, 2, 3]}\n", "roi must be [x, y, width, height]");
        assertRefused("cameras:\n  - {id: a, url: /a.mp4, transport: udp}\n", "applies to rtsp:// cameras only");
        assertRefused("cameras:\n  - {id: a, url: /a.mp4, fps: -1}\n", "sample rate must be 0");
        assertRefused("cameras:\n  - {id: 'bad id', url: /a.mp4}\n", "camera id 'bad id' must be");
        assertRefused("cameras:\n  - {id: a, url: /a.mp4, fps: 1, fps: 2}\n", "Duplicate field 'fps'");
    }

    @Test
    void aRefusalNamesTheLineOfTheProblem() {
        assertRefused("cameras:\n  - {id: a, url: /a.mp4}\n\n  - {id: b, url: /b.mp4, fsp: 5}\n",
                "cameras.yaml:4, camera #2 (b): unknown setting 'fsp'");
        assertRefused("cameras:\n  - id: a\n    url: /a.mp4\n  - id: b\n    realtime: true\n",
                "cameras.yaml:4, camera #2 (b) has no url");
        assertRefused("cameras:\n  - id: a\n    url: /a.mp4\n    width: 1280.5\n    height: 720\n",
                "cameras.yaml:4, camera #1 (a): width must be a whole number");
        assertRefused("cameras:\n  - id: a\n    url: /a.mp4\n  - id: b\n    url: /b.mp4\n    fps: 0\n    width: 10\n",
                "cameras.yaml:4, camera #2: camera b: give both width and height");
    }

    private void assertRefused(String yaml, String reason) {
        assertThatThrownBy(() -> YamlCameraRegistry.open(write(yaml)))
                .as(yaml)
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("camera file " + dir.resolve("cameras.yaml"))
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aPasswordWrittenIntoTheFileNeverReachesAnErrorMessage() {
        assertThatThrownBy(() -> YamlCameraRegistry.open(write(
                "cameras:\n  - {id: a, url: 'rtsp://admin:hunter2@10.0.0.5:99999/s'}\n")))
                .hasMessageContaining("bad port")
                .hasMessageContaining("admin:***@")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
}
