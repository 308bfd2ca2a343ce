package io.lpr.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.camera.CameraSpec;
import io.lpr.status.CameraState;
import io.lpr.status.CameraStatusEvent;
import io.lpr.event.Frame;
import io.lpr.source.split.CameraSplit;
import io.lpr.testing.TestClips;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraSplitReaderTest {
    @TempDir
    static Path dir;

    private static CameraSpec camera;

    @BeforeAll
    static void makeClip() throws IOException {
        Path clip = TestClips.make(dir, "clip.mp4", 2, 10, 320, 240);
        camera = CameraSpec.of("cam", clip.toString()).withSampleFps(5).withSize(0, 0);
    }

    /** Fetches until the split finishes; returns the frames. */
    private static List<Frame> readToEnd(CameraSplit split) {
        try (ReaderDriver reader = new ReaderDriver(split)) {
            reader.fetchUntil(reader::finished, 10_000, "the split finishes");
            assertThat(reader.frames).allMatch(f -> f.cameraId.equals(split.splitId()));
            return reader.frames;
        }
    }

    @Test
    void restoredSplitResumesWithoutRepeatsOrGaps() {
        List<Long> all = readToEnd(new CameraSplit(camera)).stream().map(f -> f.sequence).toList();
        assertThat(all).containsExactly(0L, 2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L);

        // As a checkpoint taken after frame #6 was emitted stores it.
        List<Long> resumed = readToEnd(new CameraSplit(camera).withLastEmittedSequence(6))
                .stream().map(f -> f.sequence).toList();
        assertThat(resumed).containsExactly(8L, 10L, 12L, 14L, 16L, 18L);

        List<Long> afterLast = readToEnd(new CameraSplit(camera).withLastEmittedSequence(18))
                .stream().map(f -> f.sequence).toList();
        assertThat(afterLast).isEmpty();
    }

    @Test
    void aFileThatEndsFinishesWithTheCountsAsItsReason() {
        try (ReaderDriver reader = new ReaderDriver(new CameraSplit(camera))) {
            reader.fetchUntil(reader::finished, 10_000, "the split finishes");
            assertThat(reader.statuses).extracting(CameraStatusEvent::state)
                    .containsExactly(CameraState.CONNECTING, CameraState.CONNECTED, CameraState.FINISHED);
            assertThat(reader.lastStatus().reason()).isEqualTo("end of video after 20 frames (10 analysed, 0 undecodable)");
        }
    }

    @Test
    void unreadableCameraFinishesWithoutFrames() {
        CameraSpec missing = CameraSpec.of("gone", dir.resolve("gone.mp4").toString());
        assertThat(readToEnd(new CameraSplit(missing))).isEmpty();
    }

    @Test
    void realtimePlaybackTakesTheVideosOwnTime() {
        long start = System.nanoTime();
        List<Frame> frames = readToEnd(new CameraSplit(camera.withRealtime(true)));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(frames).hasSize(10);
        // Ten frames 200 ms apart: the last is due 1.8 s after the first.
        assertThat(elapsedMs).isGreaterThanOrEqualTo(1800);
    }
}
