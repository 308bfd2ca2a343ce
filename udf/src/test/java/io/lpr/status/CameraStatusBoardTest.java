package io.lpr.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heartbeat that keeps a running camera's row fresh, and when a row counts as stale. */
class CameraStatusBoardTest {
    @Test
    void aHeartbeatRewritesEveryRunningCameraButNotAFinishedOne() {
        CameraStatusBoard board = new CameraStatusBoard();
        board.update(new CameraStatusEvent("gate", CameraState.CONNECTED, null, 1_000, 7, 0), 1_000);
        board.update(new CameraStatusEvent("yard", CameraState.BACKOFF, "timed out", 2_000, 0, 2), 2_000);
        board.update(new CameraStatusEvent("clip", CameraState.FINISHED, "end of file", 3_000, 9, 0), 3_000);
        board.takeChanges();

        board.touch(60_000);

        assertThat(board.takeChanges()).extracting(CameraStatus::cameraId).containsExactly("gate", "yard");
        CameraStatus gate = board.get("gate").orElseThrow();
        assertThat(gate.updatedMillis()).isEqualTo(60_000);
        assertThat(gate.sinceMillis()).as("the state is unchanged, only written again").isEqualTo(1_000);
        assertThat(gate.framesAnalysed()).isEqualTo(7);
        assertThat(board.get("yard").orElseThrow().reason()).isEqualTo("timed out");
        assertThat(board.get("clip").orElseThrow().updatedMillis()).isEqualTo(3_000);
    }

    @Test
    void aRunningCamerasRowIsStaleOnceTheHeartbeatIsMissedForLong() {
        CameraStatus connected = new CameraStatus("gate", "connected", null, 0, 0, 0, 10_000);
        assertThat(connected.stale(10_000 + CameraStatus.STALE_AFTER_MILLIS)).isFalse();
        assertThat(connected.stale(10_001 + CameraStatus.STALE_AFTER_MILLIS)).isTrue();
        assertThat(CameraStatus.STALE_AFTER_MILLIS).isGreaterThan(2 * CameraStatus.REFRESH_MILLIS);
        CameraStatus finished = new CameraStatus("clip", "finished", "end of file", 0, 0, 0, 10_000);
        assertThat(finished.stale(Long.MAX_VALUE)).as("a finished camera's row is final").isFalse();
    }
}
