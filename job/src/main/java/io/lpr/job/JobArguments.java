package io.lpr.job;

import io.lpr.alert.AlertOptions;
import io.lpr.settings.KafkaOptions;
import io.lpr.settings.SourceOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The run's own flags (cameras, database, Kafka), shared by {@code lpr run} and the cluster's entry point
 * {@link LprJob}, so both read the same command line the same way.
 */
public final class JobArguments {
    @Option(names = "--camera", paramLabel = "ID=PATH", description = "A camera, e.g. gate1=/videos/gate1.mp4 (repeat for more).")
    List<String> cameras = new ArrayList<>();

    @Option(names = "--cameras", paramLabel = "FILE",
            description = "YAML file of cameras, re-read while the job runs: add, change or disable cameras without a restart.")
    String camerasFile;

    @Option(names = "--cameras-table", description = "Also take cameras from the 'cameras' table of the sink database (see 'lpr cameras').")
    boolean camerasTable;

    @Option(names = "--watchlist", paramLabel = "FILE",
            description = "YAML file of watch entries (lpr.alerts.watchlist), read with the watchlist table (see 'lpr watch').")
    String watchlistFile;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT",
            description = "Also write the events to Kafka, exactly once (needs checkpoints; see the README).")
    String kafkaBootstrap;

    @Option(names = "--kafka-topic", paramLabel = "TOPIC", description = "Kafka topic (lpr.kafka.topic).")
    String kafkaTopic;

    /** The flags given, as settings over {@code configuration}'s. */
    public JobConfiguration applyTo(JobConfiguration configuration) {
        return database.applyTo(configuration)
                .set(SourceOptions.CAMERAS.key(), cameras)
                .set(SourceOptions.CAMERAS_FILE.key(), camerasFile)
                .set(SourceOptions.CAMERAS_TABLE.key(), camerasTable ? "true" : null)
                .set(KafkaOptions.BOOTSTRAP.key(), kafkaBootstrap)
                .set(KafkaOptions.TOPIC.key(), kafkaTopic)
                .set(AlertOptions.WATCHLIST.key(), watchlistFile);
    }
}
