package io.lpr.job;

import io.lpr.alert.AlertConfig;
import io.lpr.alert.AlertSinks;
import io.lpr.alert.AlertsTable;
import io.lpr.alert.WatchListSource;
import io.lpr.event.Alert;
import io.lpr.settings.KafkaOptions;
import io.lpr.watch.WatchList;
import io.lpr.watch.WatchTable;
import org.apache.flink.api.connector.source.Boundedness;
import io.lpr.settings.LprSettings;
import io.lpr.event.PlateEvent;
import io.lpr.camera.CameraField;
import io.lpr.camera.CameraSpec;
import io.lpr.db.Database;
import io.lpr.decode.VideoDecoder;
import io.lpr.registry.CameraRegistry;
import io.lpr.registry.JdbcCameraRegistry;
import io.lpr.registry.YamlCameraRegistry;
import io.lpr.events.EventStore;
import io.lpr.sink.JourneySink;
import io.lpr.sink.KafkaEventSink;
import io.lpr.sink.PlateEventSinks;
import io.lpr.sink.RetentionConfig;
import io.lpr.source.CameraSource;
import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Checks everything a run needs up front, then builds the topology on the given environment and runs it. */
public final class JobRunner {
    private JobRunner() {}

    /** The cameras given as ID=URL, with the job-wide camera settings. */
    public static List<CameraSpec> cameras(LprSettings settings) {
        List<CameraSpec> cameras = settings.sources().cameras().stream()
                .map(CameraSpec::parse)
                .map(c -> settings.cameraDefaults().resolve(c.id(), c.url(),
                        Map.of(CameraField.REALTIME, settings.sources().realtime())))
                .toList();
        CameraSpec.requireUniqueIds(cameras);
        return cameras;
    }

    /**
     * The camera source: a fixed list (which ends with its files) or, with a cameras file or table, a
     * registry re-read while the job runs, so cameras come and go without a restart. Each camera's state
     * goes to the {@code camera_status} table of the sink database.
     */
    static CameraSource source(LprSettings settings, List<CameraSpec> fixed) {
        List<CameraRegistry> registries = new ArrayList<>();
        if (!fixed.isEmpty()) {
            registries.add(CameraRegistry.fixed(fixed));
        }
        if (settings.sources().file() != null) {
            registries.add(YamlCameraRegistry.open(Path.of(settings.sources().file()), settings.cameraDefaults()));
        }
        if (settings.sources().table()) {
            registries.add(JdbcCameraRegistry.open(database(settings), settings.cameraDefaults()));
        }
        if (registries.isEmpty()) {
            throw new IllegalArgumentException(
                    "no cameras: give --camera ID=URL, --cameras FILE or --cameras-table (or lpr.cameras in --config)");
        }
        CameraSource source = registries.size() == 1 && !fixed.isEmpty()
                ? CameraSource.of(fixed)
                : CameraSource.of(CameraRegistry.union(registries))
                        .withPollInterval(settings.sources().pollInterval());
        return source.withStatusTable(database(settings));
    }

    /** Fails with one line naming the file when a model is missing, before any Flink machinery starts. */
    public static void requireModels(LprSettings settings) {
        settings.models().file(settings.detector().modelFile());
        settings.models().file(settings.recognizer().stnFile());
        settings.models().file(settings.recognizer().lprnetFile());
    }

    /** Opens each video file once, so an unreadable one is a line naming the camera before the job starts. */
    public static void requireReadableVideos(List<CameraSpec> cameras) throws IOException {
        for (CameraSpec camera : cameras) {
            if (camera.isFile()) {
                VideoDecoder.open(camera, CameraSplit.NONE_EMITTED, CameraMetrics.unregistered()).close();
            }
        }
    }

    public static Database database(LprSettings settings) {
        return settings.database();
    }

    /** The events database, and Kafka when {@code lpr.kafka.bootstrap} is set (it needs checkpoints to commit). */
    static Map<String, Sink<PlateEvent>> sinks(StreamExecutionEnvironment env, Configuration configuration, Database db,
            RetentionConfig retention) {
        Map<String, Sink<PlateEvent>> sinks = new LinkedHashMap<>();
        sinks.put("jdbc", PlateEventSinks.jdbc(db, retention));
        var checkpoints = env.getCheckpointConfig();
        Duration interval = checkpoints.isCheckpointingEnabled() ? Duration.ofMillis(checkpoints.getCheckpointInterval()) : null;
        KafkaOptions.from(configuration, interval).ifPresent(kafka -> {
            if (interval == null) {
                env.enableCheckpointing(KafkaOptions.DEFAULT_CHECKPOINT_INTERVAL.toMillis());
            }
            sinks.put("kafka", KafkaEventSink.of(kafka));
        });
        return sinks;
    }

    /**
     * The watch list (table and file, re-read at the cameras' poll interval; read here once when the cameras end) and
     * where alerts go: the alerts table (and from there the webhook), and Kafka when its topic is set.
     */
    static AlertTopology alerts(StreamExecutionEnvironment env, Configuration configuration, LprSettings settings,
            CameraSource cameras) {
        Database db = database(settings);
        new WatchTable(db).ensureSchema();
        new AlertsTable(db).ensureSchema();
        AlertConfig config = settings.alerts();
        // Read now, so a bad file is refused here and not by a restarting job.
        WatchList list = WatchListSource.read(db, config.watchlistFile());
        Map<String, Sink<Alert>> sinks = new LinkedHashMap<>();
        sinks.put("jdbc", AlertSinks.table(db, config));
        if (config.kafkaTopic() != null) {
            var checkpoints = env.getCheckpointConfig();
            Duration interval = checkpoints.isCheckpointingEnabled() ? Duration.ofMillis(checkpoints.getCheckpointInterval()) : null;
            var kafka = KafkaOptions.from(configuration, interval).orElseThrow(() -> new IllegalArgumentException(
                    "lpr.alerts.kafka-topic needs lpr.kafka.bootstrap"));
            sinks.put("kafka", AlertSinks.kafka(kafka, config.kafkaTopic()));
        }
        if (cameras.getBoundedness() == Boundedness.BOUNDED) {
            return AlertTopology.fixed(list, sinks);
        }
        return AlertTopology.polled(WatchListSource.of(db, config.watchlistFile(), settings.sources().pollInterval()), sinks);
    }

    /** Runs the job to its end: for file cameras, when the files end. */
    public static JobExecutionResult run(Configuration configuration, String jobName) throws Exception {
        return start(configuration, jobName).await();
    }

    /** Submits the job and returns at once; live cameras run until {@link RunningJob#stop()}. */
    public static RunningJob start(Configuration configuration, String jobName) throws Exception {
        return start(configuration, jobName, c -> { });
    }

    /** As {@link #start(Configuration, String)}, with {@code beforeSubmit} completing the configuration once it is checked. */
    public static RunningJob start(Configuration configuration, String jobName, Consumer<Configuration> beforeSubmit)
            throws Exception {
        LprSettings settings = LprSettings.from(configuration);
        Duration drainWait = settings.run().drainWait();
        requireModels(settings);
        List<CameraSpec> cameras = cameras(settings);
        requireReadableVideos(cameras);
        Database db = database(settings);
        EventStore.ensureSchema(db);
        CameraSource source = source(settings, cameras);

        beforeSubmit.accept(configuration);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        DataStream<PlateEvent> events = LprTopology.build(env, source, settings,
                sinks(env, configuration, db, settings.retention()), alerts(env, configuration, settings, source));
        JourneyStage.attach(events, settings.journeys(), new JourneySink(db));
        boolean detached = !(env instanceof LocalStreamEnvironment)
                && !env.getConfiguration().get(DeploymentOptions.ATTACHED);
        String savepoints = configuration.get(CheckpointingOptions.SAVEPOINT_DIRECTORY);
        return new RunningJob(env.executeAsync(jobName), detached,
                savepoints == null ? null : Path.of(new org.apache.flink.core.fs.Path(savepoints).toUri().getPath()),
                drainWait);
    }
}
