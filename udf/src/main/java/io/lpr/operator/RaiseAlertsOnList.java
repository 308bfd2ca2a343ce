package io.lpr.operator;

import io.lpr.event.Alert;
import io.lpr.event.PassageRead;
import io.lpr.watch.AlertMatcher;
import io.lpr.watch.PassageAlerts;
import io.lpr.watch.WatchList;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * {@link RaiseAlerts} for a run whose cameras end (files): the list is read once, when the job is built, and
 * travels with the operator, so the job has no watch-list source. Such a source, read once, would finish
 * seconds after every start and restart, and a task finishing while a draining stop's savepoint is under way
 * can keep that savepoint from ever completing (seen with Flink 2.2: the stop then waits its whole drain-wait).
 */
public class RaiseAlertsOnList extends KeyedProcessFunction<String, PassageRead, Alert> {
    private static final long serialVersionUID = 1L;

    private final WatchList list;
    private final AlertMatcher matcher;
    private final long passageGapMs;
    private transient MapState<String, PassageAlerts> passages;
    private transient Counter raised;

    public RaiseAlertsOnList(WatchList list, AlertMatcher matcher, Duration passageGap) {
        this.list = list;
        this.matcher = matcher;
        this.passageGapMs = passageGap.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        passages = getRuntimeContext().getMapState(RaiseAlerts.PASSAGES);
        raised = getRuntimeContext().getMetricGroup().counter("alerts");
    }

    @Override
    public void processElement(PassageRead read, Context ctx, Collector<Alert> out) throws Exception {
        RaiseAlerts.match(matcher, passageGapMs, passages, read, list, out, raised);
    }
}
