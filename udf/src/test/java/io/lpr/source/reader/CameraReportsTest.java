package io.lpr.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.status.CameraState;
import io.lpr.status.CameraStatusEvent;
import org.junit.jupiter.api.Test;

/** A connected camera's frame count reaches the status table while it stays connected, not only on changes of state. */
class CameraReportsTest {
    @Test
    void aConnectedCamerasMovingFrameCountIsReportedAgainEveryRefreshInterval() {
        CameraReports reports = new CameraReports(null);
        reports.changed("gate", CameraState.CONNECTED, null, 1_000);
        CameraStatusEvent connected = reports.poll();
        assertThat(connected.framesAnalysed()).isZero();

        long t = CameraReports.REFRESH_MILLIS;
        assertThat(reports.refreshes(t)).as("nothing moved yet").isEmpty();
        for (int i = 0; i < 7; i++) {
            reports.metrics("gate").frameAnalysed();
        }
        assertThat(reports.refreshes(t + 1)).as("within the interval of the last refresh").isEmpty();
        assertThat(reports.refreshes(2 * t)).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(CameraState.CONNECTED);
            assertThat(e.sinceMillis()).isEqualTo(1_000);
            assertThat(e.framesAnalysed()).isEqualTo(7);
        });
        assertThat(reports.refreshes(3 * t)).as("the count did not move again").isEmpty();
    }

    @Test
    void aFinishedCameraIsNotReportedAgain() {
        CameraReports reports = new CameraReports(null);
        reports.changed("gate", CameraState.CONNECTED, null, 1_000);
        reports.poll();
        reports.metrics("gate").frameAnalysed();
        reports.finished("gate");
        assertThat(reports.refreshes(CameraReports.REFRESH_MILLIS)).isEmpty();
    }
}
