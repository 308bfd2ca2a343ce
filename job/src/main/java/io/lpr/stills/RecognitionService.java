package io.lpr.stills;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lpr.detect.DetectorModel;
import io.lpr.event.Frame;
import io.lpr.event.PlateCandidate;
import io.lpr.event.PlateRead;
import io.lpr.guide.CameraGuides;
import io.lpr.image.Images;
import io.lpr.pipeline.FoundPlates;
import io.lpr.pipeline.InferenceService;
import io.lpr.pipeline.PlateFinder;
import io.lpr.pipeline.PlateReader;
import io.lpr.recognize.RecognizerModel;
import io.lpr.runtime.BatchingConfig;
import io.lpr.runtime.MicroBatcher;
import io.lpr.settings.LprSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.util.TimeUtils;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads the plates of images that many callers send at once, through the job's own queues ({@link MicroBatcher}
 * with {@link PlateFinder} and {@link PlateReader}, set by {@code lpr.detector.*} and {@code lpr.recognizer.*}):
 * each image a frame for the detector, the plates of all images together for the recogniser, so concurrent callers
 * share the recogniser's batches as a job's cameras do. It holds at most {@code capacity} images (queued or being
 * read); one more is refused at once ({@link Busy}) rather than queued without bound.
 */
public final class RecognitionService implements AutoCloseable {
    private final LprSettings settings;
    private final InferenceService<Frame, FoundPlates> detection;
    private final InferenceService<PlateCandidate, PlateRead> recognition;
    private final int capacity;
    private final Semaphore held;
    private volatile boolean closing;

    private RecognitionService(LprSettings settings, InferenceService<Frame, FoundPlates> detection,
            InferenceService<PlateCandidate, PlateRead> recognition, int capacity) {
        this.settings = settings;
        this.detection = detection;
        this.recognition = recognition;
        this.capacity = capacity;
        this.held = new Semaphore(capacity);
    }

    /** Loads the models the settings name and starts their queues. */
    public static RecognitionService start(LprSettings settings, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        InferenceService<Frame, FoundPlates> detection = detection(settings);
        try {
            return new RecognitionService(settings, detection, recognition(settings), capacity);
        } catch (RuntimeException e) {
            closeQuietly(detection, e);
            throw e;
        }
    }

    private static InferenceService<Frame, FoundPlates> detection(LprSettings settings) {
        DetectorModel model = DetectorModel.load(settings.detector(), settings.models());
        CameraGuides guides = StillImageReader.unguided(settings);
        AutoCloseable both = () -> {
            try (model; guides) {
                // closes both
            }
        };
        // As in the job: a frame's tiles go through the model together, frames are not batched with each other.
        BatchingConfig batching = settings.detectorBatching();
        return new InferenceService<>(both, new MicroBatcher<>("lpr-serve-detect", batching.workers(), 1,
                Duration.ZERO, () -> new PlateFinder(model.newDetector(settings.plateShape()), guides)));
    }

    private static InferenceService<PlateCandidate, PlateRead> recognition(LprSettings settings) {
        RecognizerModel model = RecognizerModel.load(settings.recognizer(), settings.models());
        BatchingConfig batching = settings.recognizerBatching();
        return new InferenceService<>(model, new MicroBatcher<>("lpr-serve-recognize", batching.workers(),
                batching.maxBatch(), batching.maxDelay(), () -> new PlateReader(model.newRecognizer(settings.reading()))));
    }

    /**
     * The plates of one encoded image (JPEG, PNG, ...), as {@link PlatesJson} writes them; waits for its turn.
     *
     * @throws Busy when {@code capacity} images are held already, or the models did not answer in time
     * @throws NotAnImage when the bytes do not decode
     * @throws IllegalStateException when a model failed on this image (the cause says why)
     */
    public ArrayNode read(byte[] encoded) {
        if (!held.tryAcquire()) {
            throw new Busy("the queue is full: lpr.serve.recognize.capacity is " + capacity
                    + (capacity == 1 ? " image" : " images") + "; try again shortly");
        }
        boolean giveBack = true;
        try {
            Frame frame;
            int width;
            int height;
            // Decoded while holding a place, so that no more than capacity full-size images are in memory at once.
            try (Mat image = Images.decode(encoded)) {
                if (image == null) {
                    throw new NotAnImage();
                }
                width = image.cols();
                height = image.rows();
                frame = StillImageReader.analysed(image, "image", settings);
            }
            FoundPlates found = await(detection.submit(frame), settings.detectorBatching().timeout(), "detector");
            List<PlateRead> reads = found.candidates().isEmpty() ? List.of()
                    : await(recognition.submitAll(found.candidates()), settings.recognizerBatching().timeout(), "recogniser");
            return PlatesJson.of(new StillImageReader.Result(frame.width, frame.height, reads), width, height);
        } catch (Late late) {
            // Its place is given back when the model is done with the image, not when its caller gives up: else
            // images the models are too slow for would pile up in their queues beyond the capacity.
            giveBack = false;
            late.pending.whenComplete((answer, error) -> held.release());
            throw new Busy(late.getMessage());
        } finally {
            if (giveBack) {
                held.release();
            }
        }
    }

    /** Images held now, queued or being read. */
    public int held() {
        return capacity - held.availablePermits();
    }

    private <T> T await(CompletableFuture<T> answer, Duration timeout, String model) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Late(answer, "the " + model + " did not answer within " + TimeUtils.formatWithHighestUnit(timeout)
                    + "; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("the server is stopping");
        } catch (ExecutionException e) {
            if (closing) {
                throw new Busy("the server is stopping");
            }
            throw new IllegalStateException("the " + model + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static void closeQuietly(AutoCloseable resource, Exception failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /** In the pipeline's order: what a worker has in hand is answered, what still waits is failed; then the models. */
    @Override
    public void close() throws Exception {
        closing = true;
        try (recognition) {
            detection.close();
        }
    }

    /** Refused for now: full, or the models too slow; worth trying again shortly. */
    public static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    /** An answer not come in time, still pending in a model's queue. */
    private static final class Late extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CompletableFuture<?> pending;

        Late(CompletableFuture<?> pending, String message) {
            super(message);
            this.pending = pending;
        }
    }

    /** Bytes that do not decode as an image. */
    public static final class NotAnImage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotAnImage() {
            super("the body does not decode as an image");
        }
    }
}
