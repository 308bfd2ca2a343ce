package io.lpr.job;

import io.lpr.event.Alert;
import io.lpr.event.PassageRead;
import io.lpr.operator.RaiseAlerts;
import io.lpr.operator.RaiseAlertsOnList;
import io.lpr.settings.LprSettings;
import io.lpr.watch.AlertMatcher;
import io.lpr.watch.WatchList;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The alerts' part of the dataflow: an operator keyed by camera (as the tracker is) that matches the tracker's
 * reads against the watch list as they come, and the alert sinks. The list is either a source read again and
 * again, broadcast to the operator ({@link RaiseAlerts}: live cameras), or read once when the job is built
 * ({@link RaiseAlertsOnList}: cameras that end).
 *
 * @param watchList the list, whole, each time it is read ({@code io.lpr.alert.WatchListSource}); null with {@code fixedList}
 * @param fixedList the list as read when the job was built; null with {@code watchList}
 * @param sinks by name, for their uids
 */
public record AlertTopology(Source<WatchList, ?, ?> watchList, WatchList fixedList, Map<String, Sink<Alert>> sinks) {
    public AlertTopology {
        if ((watchList == null) == (fixedList == null)) {
            throw new IllegalArgumentException("alerts need a watch-list source or a list read once, and not both");
        }
    }

    /** The list re-read by a source as long as the job runs. */
    public static AlertTopology polled(Source<WatchList, ?, ?> watchList, Map<String, Sink<Alert>> sinks) {
        return new AlertTopology(watchList, null, sinks);
    }

    /** The list read once, for a job whose cameras end. */
    public static AlertTopology fixed(WatchList list, Map<String, Sink<Alert>> sinks) {
        return new AlertTopology(null, list, sinks);
    }

    public DataStream<Alert> attach(DataStream<PassageRead> reads, LprSettings settings) {
        AlertMatcher matcher = new AlertMatcher(settings.alerts().minConfidence(), settings.dedup().groupOfCamera());
        KeyedStream<PassageRead, String> byCamera = reads.keyBy(read -> read.cameraId);
        SingleOutputStreamOperator<Alert> alerts;
        if (fixedList != null) {
            alerts = byCamera.process(new RaiseAlertsOnList(fixedList, matcher, settings.tracker().passageGap()));
        } else {
            // No watermarks: the list has no event time, and the operator needs none (it keeps no timers).
            BroadcastStream<WatchList> list = reads.getExecutionEnvironment()
                    .fromSource(watchList, WatermarkStrategy.noWatermarks(), "watch-list").uid("watch-list")
                    .setParallelism(1)
                    .broadcast(RaiseAlerts.WATCH_LIST);
            alerts = byCamera.connect(list).process(new RaiseAlerts(matcher, settings.tracker().passageGap()));
        }
        alerts.name("raise-alerts").uid("raise-alerts");
        sinks.forEach((name, sink) ->
                alerts.sinkTo(sink).name("alerts-" + name).uid("alerts-" + name).setParallelism(1));
        return alerts;
    }
}
