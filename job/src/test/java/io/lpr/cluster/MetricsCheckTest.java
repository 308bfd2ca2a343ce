package io.lpr.cluster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lpr.testing.PrometheusScrape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The credential check of {@link MetricsCheck} fails on what it is there to catch (the cluster IT runs it for real). */
class MetricsCheckTest {
    private static final List<String> SECRETS = List.of("S3cret-in-url");

    @Test
    void aLabelWithTheCamerasUrlFails() {
        PrometheusScrape leak = PrometheusScrape.parse("""
                flink_taskmanager_job_task_operator_camera_framesDecoded{camera="gate",url="rtsp://admin:S3cret-in-url@127.0.0.1:8554/gate"} 12.0
                """);
        assertThatThrownBy(() -> MetricsCheck.assertNoCredential(leak, SECRETS)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aPasswordInAnyLabelFailsEvenOutsideAUrl() {
        PrometheusScrape leak = PrometheusScrape.parse("""
                flink_taskmanager_job_task_operator_camera_framesDecoded{camera="gate",operator_name="cameras S3cret-in-url"} 12.0
                """);
        assertThatThrownBy(() -> MetricsCheck.assertNoCredential(leak, SECRETS)).isInstanceOf(AssertionError.class);
    }

    @Test
    void anotherUrlWithItsPasswordInClearFails() {
        PrometheusScrape leak = PrometheusScrape.parse("""
                flink_jobmanager_job_uptime{job_name="rtsp://cam:other@10.0.0.5/stream1"} 1.0
                """);
        assertThatThrownBy(() -> MetricsCheck.assertNoCredential(leak, SECRETS)).isInstanceOf(AssertionError.class);
    }

    @Test
    void maskedUrlsAndCameraIdsPass() {
        PrometheusScrape clean = PrometheusScrape.parse("""
                flink_taskmanager_job_task_operator_camera_framesDecoded{camera="gate",url="rtsp://admin:***@127.0.0.1:8554/gate"} 12.0
                flink_taskmanager_job_task_operator_camera_framesDecoded{camera="yard"} 3.0
                """);
        assertThatCode(() -> MetricsCheck.assertNoCredential(clean, SECRETS)).doesNotThrowAnyException();
    }
}
