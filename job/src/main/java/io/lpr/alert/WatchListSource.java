package io.lpr.alert;

import io.lpr.db.Database;
import io.lpr.util.Messages;
import io.lpr.watch.WatchEntry;
import io.lpr.watch.WatchList;
import io.lpr.watch.WatchTable;
import io.lpr.watch.WatchYaml;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch list as a stream: the {@code watchlist} table (and the YAML file, when set) read whole every poll
 * interval, one {@link WatchList} per read, broadcast to the alert operator, until the job stops. A run whose
 * cameras end reads the list once instead ({@link #read}, {@code RaiseAlertsOnList}).
 */
public final class WatchListSource {
    private WatchListSource() {}

    public static DataGeneratorSource<WatchList> of(Database db, String yamlFile, Duration pollInterval) {
        double perSecond = 1000.0 / Math.max(1, pollInterval.toMillis());
        return new DataGeneratorSource<>(new Reader(db, yamlFile), Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(perSecond), TypeInformation.of(WatchList.class));
    }

    /** The table and the file as one list; a file entry replaces a table entry of the same plate. */
    public static WatchList read(Database db, String yamlFile) {
        List<WatchEntry> entries = new ArrayList<>(new WatchTable(db).list());
        WatchList list = WatchList.of(entries);
        return yamlFile == null ? list : list.with(WatchYaml.read(Path.of(yamlFile)));
    }

    private static final class Reader implements GeneratorFunction<Long, WatchList> {
        private static final long serialVersionUID = 1L;
        private static final Logger LOG = LoggerFactory.getLogger(WatchListSource.class);
        private final Database db;
        private final String yamlFile;
        private transient WatchList last;

        Reader(Database db, String yamlFile) {
            this.db = db;
            this.yamlFile = yamlFile;
        }

        @Override
        public void open(SourceReaderContext context) {}

        @Override
        public WatchList map(Long poll) {
            try {
                last = read(db, yamlFile);
            } catch (RuntimeException e) {
                if (last == null) {
                    throw e; // no list yet: the job restarts and tries again, rather than alerting on nothing
                }
                // A database that restarts or a file being rewritten: the list last read holds meanwhile.
                LOG.warn("watch list not re-read, the last one holds: {}", Messages.firstLine(e));
            }
            return last;
        }
    }
}
