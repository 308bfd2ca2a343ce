package io.lpr.source;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.StreamUrls;
import io.lpr.db.Database;
import io.lpr.event.Frame;
import io.lpr.registry.CameraRegistry;
import io.lpr.source.enumerator.CameraEnumerator;
import io.lpr.source.enumerator.CameraEnumeratorState;
import io.lpr.source.enumerator.CameraEnumeratorStateSerializer;
import io.lpr.source.reader.CameraSourceReader;
import io.lpr.source.split.CameraSplit;
import io.lpr.source.split.CameraSplitSerializer;
import io.lpr.status.CameraStatusTable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SupportsSplitReassignmentOnRecovery;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Video frames from a set of cameras, one split per camera (FLIP-27). Records carry their event
 * time as the record timestamp; the caller assigns watermarks with a {@code WatermarkStrategy}.
 *
 * <p>The cameras are a fixed list ({@link #of(List)}) or come from a {@link CameraRegistry} that
 * the enumerator polls, starting, stopping and restarting cameras as it changes
 * ({@link #of(CameraRegistry)}). Only a fixed list of files is bounded: the job ends once all
 * files are read. Otherwise the job runs until it is stopped. Each camera's state can be written
 * to a {@code camera_status} table ({@link #withStatusTable}).
 *
 * <p>Event time of a frame = the camera's base epoch + its stream timestamp. A fixed camera
 * without a base gets the time {@link #of(List)} was called, i.e. when the job was built, so every
 * restore of the job reproduces the same event times; a registry camera gets the time it was
 * first seen, kept in its checkpointed split.
 *
 * <p>On recovery, readers hand their checkpointed cameras to the enumerator, which resumes only
 * those the registry still has unchanged ({@link SupportsSplitReassignmentOnRecovery}).
 */
public final class CameraSource implements Source<Frame, CameraSplit, CameraEnumeratorState>,
        ResultTypeQueryable<Frame>, SupportsSplitReassignmentOnRecovery {
    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    private final CameraRegistry registry;
    private final Duration pollInterval;
    /** Where camera states go; null for nowhere. */
    private final Database statusDatabase;

    private CameraSource(CameraRegistry registry, Duration pollInterval, Database statusDatabase) {
        this.registry = registry;
        this.pollInterval = pollInterval;
        this.statusDatabase = statusDatabase;
    }

    /**
     * A fixed list of cameras.
     *
     * @throws IllegalArgumentException when there are no cameras or an id repeats
     */
    public static CameraSource of(List<CameraSpec> cameras) {
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("no cameras given; expected at least one ID=PATH");
        }
        CameraSpec.requireUniqueIds(cameras);
        return new CameraSource(CameraRegistry.fixed(List.copyOf(cameras)), DEFAULT_POLL_INTERVAL, null);
    }

    /**
     * Cameras from a registry, polled every {@link #DEFAULT_POLL_INTERVAL} when it is dynamic.
     * Open the registry first (e.g. {@link io.lpr.registry.YamlCameraRegistry#open}), so a missing
     * or broken one stops the job before it starts.
     */
    public static CameraSource of(CameraRegistry registry) {
        return new CameraSource(Objects.requireNonNull(registry, "registry"), DEFAULT_POLL_INTERVAL, null);
    }

    /** How often a dynamic registry is read. */
    public CameraSource withPollInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the camera poll interval must be positive, got " + interval);
        }
        return new CameraSource(registry, interval, statusDatabase);
    }

    /** Writes each camera's latest state to the {@code camera_status} table of {@code database}. */
    public CameraSource withStatusTable(Database database) {
        return new CameraSource(registry, pollInterval, Objects.requireNonNull(database, "database"));
    }

    /**
     * The cameras of a fixed list.
     *
     * @throws IllegalStateException for a source whose cameras come from a registry that changes
     */
    public List<CameraSpec> cameras() {
        if (registry.isDynamic()) {
            throw new IllegalStateException("the cameras of this source come from " + registry + " and change");
        }
        return registry.poll();
    }

    /** Bounded only for cameras that cannot change and are all files. */
    @Override
    public Boundedness getBoundedness() {
        return !registry.isDynamic() && registry.poll().stream().allMatch(CameraSpec::isFile)
                ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<Frame, CameraSplit> createReader(SourceReaderContext readerContext) {
        return new CameraSourceReader(readerContext, this::withCredentials);
    }

    /**
     * The camera of a split, which holds its URL with the passwords masked, with the URL as the configuration or
     * registry has it: credentials live there, never in state. A camera the registry no longer has (or has
     * changed) stays as it is; the enumerator stops or restarts it.
     */
    private CameraSpec withCredentials(CameraSpec fromSplit) {
        if (fromSplit.url().contains("***")) {
            for (CameraSpec camera : registry.poll()) {
                if (camera.id().equals(fromSplit.id()) && StreamUrls.mask(camera.url()).equals(fromSplit.url())) {
                    return fromSplit.withUrl(camera.url());
                }
            }
        }
        return fromSplit;
    }

    @Override
    public SplitEnumerator<CameraSplit, CameraEnumeratorState> createEnumerator(
            SplitEnumeratorContext<CameraSplit> context) {
        return restoreEnumerator(context, CameraEnumeratorState.empty());
    }

    @Override
    public SplitEnumerator<CameraSplit, CameraEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<CameraSplit> context, CameraEnumeratorState checkpoint) {
        return new CameraEnumerator(context, registry, pollInterval.toMillis(),
                getBoundedness() == Boundedness.BOUNDED,
                statusDatabase == null ? null : new CameraStatusTable(statusDatabase), checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<CameraSplit> getSplitSerializer() {
        return new CameraSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<CameraEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new CameraEnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<Frame> getProducedType() {
        return TypeInformation.of(Frame.class);
    }
}
