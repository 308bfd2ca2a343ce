package io.lpr.sink;

import static io.lpr.events.EventStoreContract.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.db.Database;
import io.lpr.event.PlateEvent;
import io.lpr.events.EventQuery;
import io.lpr.events.EventStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention in a running job: the sink writer's sweep deletes the rows older than the retention that an
 * earlier run stored, keeps the newer ones, writes the job's own events, and counts what it deleted.
 */
class RetentionJobTest {
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path dir;

    @Test
    void theSinkDeletesExpiredRowsAndKeepsTheRest() throws Exception {
        Database db = Database.of("jdbc:sqlite:" + dir.resolve("plates.db"), null, null);
        long now = Instant.now().toEpochMilli();
        List<PlateEvent> earlier = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            earlier.add(event("gate", "A00" + i + "AA77", now - Duration.ofDays(40).toMillis() + i * 1000L, 5));
        }
        earlier.add(event("gate", "C222CC77", now - Duration.ofDays(3).toMillis(), 5));
        try (EventUpserter upserter = new EventUpserter(db, 1_000)) {
            upserter.upsert(earlier);
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        RetentionConfig retention = RetentionConfig.DEFAULTS.withEvents(Duration.ofDays(30)).withBatchRows(2);
        env.fromData(event("yard", "E333EE77", now, 4), event("yard", "K444KK77", now + 1000, 4))
                .sinkTo(PlateEventSinks.jdbc(db, 10, 0, retention));
        JobExecutionResult result = env.execute("retention");

        assertThat(EventStore.query(db, new EventQuery(null, null, null, null, 100, false)))
                .extracting(e -> e.plateText).containsExactlyInAnyOrder("C222CC77", "E333EE77", "K444KK77");
        long deleted = METRICS.findMetrics(result.getJobID(), PlateEventSinks.DELETED_EVENTS).values().stream()
                .mapToLong(m -> ((Counter) m).getCount()).sum();
        assertThat(deleted).isEqualTo(5);
    }
}
