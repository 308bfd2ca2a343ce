package io.lpr.operator;

import io.lpr.runtime.BatchingConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.event.Box;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateRead;
import io.lpr.model.ModelDirectory;
import io.lpr.model.ModelException;
import io.lpr.recognize.RecognizerConfig;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;

/**
 * The async operators' failure and timeout paths, on the real recogniser: a bad request is dropped and
 * counted, and a model that fails every request fails the job loudly instead of producing nothing.
 */
class RecognizePlatesFailureTest {
    private static final ModelDirectory MODELS = new ModelDirectory(System.getProperty("lpr.test.models"));

    @Test
    void aFailedRequestIsDroppedButARunOfThemFailsTheJob() throws Exception {
        BatchingConfig batching = BatchingConfig.DEFAULTS.withBatch(1, Duration.ZERO).withMaxConsecutiveFailures(3);
        try (var harness = harness(batching)) {
            harness.processElement(new StreamRecord<>(broken(1)));
            harness.processElement(new StreamRecord<>(plate(2)));
            harness.processElement(new StreamRecord<>(broken(3)));
            harness.processElement(new StreamRecord<>(broken(4)));
            harness.processElement(new StreamRecord<>(broken(5)));
            harness.endInput();

            // A bad crop, a good one, then bad ones: the good one is read, the bad are lost, the third bad in a
            // row fails the job.
            assertThat(reads(harness)).extracting(r -> r.candidate.frameSequence).containsExactly(2L);
            assertThat(harness.getEnvironment().getActualExternalFailureCause()).hasValueSatisfying(cause ->
                    assertThat(ExceptionUtils.findThrowable(cause, ModelException.class)).hasValueSatisfying(e ->
                            assertThat(e.getMessage()).contains("3 requests in a row failed")));
        }
    }

    @Test
    void aRequestUnansweredWithinTheTimeoutCountsAsFailed() throws Exception {
        // The batch waits far longer for company than the (test-clock) timeout allows.
        BatchingConfig batching = BatchingConfig.DEFAULTS.withBatch(32, Duration.ofSeconds(2))
                .withTimeout(Duration.ofSeconds(1)).withMaxConsecutiveFailures(2);
        try (var harness = harness(batching)) {
            harness.setProcessingTime(0);
            harness.processElement(new StreamRecord<>(plate(1)));
            harness.setProcessingTime(1_001);
            assertThat(harness.getEnvironment().getActualExternalFailureCause()).isEmpty();

            harness.processElement(new StreamRecord<>(plate(2)));
            harness.setProcessingTime(2_002);
            assertThat(reads(harness)).isEmpty();
            assertThat(harness.getEnvironment().getActualExternalFailureCause()).hasValueSatisfying(cause ->
                    assertThat(ExceptionUtils.findThrowable(cause, ModelException.class)).hasValueSatisfying(e ->
                            assertThat(e.getMessage()).contains("2 requests in a row failed", "no answer within PT1S")));
        }
    }

    private static OneInputStreamOperatorTestHarness<PlateCandidate, PlateRead> harness(BatchingConfig batching)
            throws Exception {
        var function = new RecognizePlates(RecognizerConfig.DEFAULTS, MODELS, batching);
        var harness = new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(function, batching.timeout().toMillis(), batching.capacity(),
                        AsyncDataStream.OutputMode.ORDERED),
                TypeInformation.of(PlateCandidate.class).createSerializer(new SerializerConfigImpl()));
        harness.getEnvironment().setExpectedExternalFailureCause(Throwable.class);
        harness.open();
        return harness;
    }

    private static List<PlateRead> reads(OneInputStreamOperatorTestHarness<PlateCandidate, PlateRead> harness) {
        return harness.extractOutputValues();
    }

    /** A grey plate-sized crop: the recogniser reads it (as nothing readable) without failing. */
    private static PlateCandidate plate(long sequence) {
        return candidate(sequence, 94, 24, new byte[94 * 24 * 3]);
    }

    /** Pixels that do not fill the crop's size: the recogniser cannot run on it. */
    private static PlateCandidate broken(long sequence) {
        return candidate(sequence, 94, 24, new byte[10]);
    }

    private static PlateCandidate candidate(long sequence, int width, int height, byte[] pixels) {
        PlateCandidate c = new PlateCandidate();
        c.cameraId = "cam";
        c.frameSequence = sequence;
        c.eventTime = 1_000 * sequence;
        c.frameWidth = 1920;
        c.frameHeight = 1080;
        c.box = new Box(10, 10, 104, 34);
        c.score = 0.9f;
        c.cropWidth = width;
        c.cropHeight = height;
        c.cropPixels = pixels;
        return c;
    }
}
