package io.lpr.job;

import io.lpr.event.Alert;
import io.lpr.event.PassageRead;
import io.lpr.operator.RaiseAlerts;
import io.lpr.settings.LprSettings;
import io.lpr.watch.AlertMatcher;
import io.lpr.watch.WatchList;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The alerts' part of the dataflow: the watch list broadcast to an operator keyed by camera (as the tracker
 * is) that matches the tracker's reads as they come ({@link RaiseAlerts}), and the alert sinks.
 *
 * @param watchList the list, whole, each time it is read ({@code io.lpr.alert.WatchListSource})
 * @param sinks by name, for their uids
 */
public record AlertTopology(Source<WatchList, ?, ?> watchList, Map<String, Sink<Alert>> sinks) {
    public DataStream<Alert> attach(DataStream<PassageRead> reads, LprSettings settings) {
        // No watermarks: the list has no event time, and the operator needs none (it keeps no timers).
        BroadcastStream<WatchList> list = reads.getExecutionEnvironment()
                .fromSource(watchList, WatermarkStrategy.noWatermarks(), "watch-list").uid("watch-list")
                .setParallelism(1)
                .broadcast(RaiseAlerts.WATCH_LIST);
        DataStream<Alert> alerts = reads
                .keyBy(read -> read.cameraId)
                .connect(list)
                .process(new RaiseAlerts(new AlertMatcher(settings.alerts().minConfidence(), settings.dedup().groupOfCamera()),
                        settings.tracker().passageGap()))
                .name("raise-alerts").uid("raise-alerts");
        sinks.forEach((name, sink) ->
                alerts.sinkTo(sink).name("alerts-" + name).uid("alerts-" + name).setParallelism(1));
        return alerts;
    }
}
