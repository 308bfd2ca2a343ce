package io.lpr.operator;

import io.lpr.event.Alert;
import io.lpr.event.PassageRead;
import io.lpr.watch.AlertMatcher;
import io.lpr.watch.PassageAlerts;
import io.lpr.watch.WatchList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per camera (the key, as the tracker's): the tracker's reads in, alerts out, against the watch list in
 * broadcast state. The list arrives whole on the broadcast side each time it is read ({@link WatchList}) and
 * replaces the one held, so an entry added or removed applies to the next read with no restart, and the list
 * is checkpointed and restored with the job. Reads that arrive before the first list (the two inputs race at
 * start) wait in keyed state and are matched when it comes.
 *
 * <p>Per passage with an alert, {@link PassageAlerts} remembers the entries raised, so each is raised once;
 * it is dropped once the camera's reads are a passage gap past the passage's last read (the tracker has
 * ended it by then). No timers: the broadcast side has no watermarks to drive them.
 */
public class RaiseAlerts extends KeyedBroadcastProcessFunction<String, PassageRead, WatchList, Alert> {
    private static final long serialVersionUID = 1L;
    private static final String LIST = "list";

    /** The broadcast state: the list under one key. The stream broadcast must use this descriptor. */
    public static final MapStateDescriptor<String, WatchList> WATCH_LIST =
            new MapStateDescriptor<>("watch-list", Types.STRING, TypeInformation.of(WatchList.class));
    private static final ListStateDescriptor<PassageRead> WAITING =
            new ListStateDescriptor<>("reads-before-list", PassageRead.class);

    private final AlertMatcher matcher;
    private final long passageGapMs;
    private transient MapState<String, PassageAlerts> passages;
    private transient ListState<PassageRead> waiting;
    private transient Counter raised;

    public RaiseAlerts(AlertMatcher matcher, Duration passageGap) {
        this.matcher = matcher;
        this.passageGapMs = passageGap.toMillis();
    }

    /** Per passage, the entries raised for it: the same state under the same uid in both alert operators. */
    static final MapStateDescriptor<String, PassageAlerts> PASSAGES =
            new MapStateDescriptor<>("passage-alerts", Types.STRING, TypeInformation.of(PassageAlerts.class));

    @Override
    public void open(OpenContext context) {
        passages = getRuntimeContext().getMapState(PASSAGES);
        waiting = getRuntimeContext().getListState(WAITING);
        raised = getRuntimeContext().getMetricGroup().counter("alerts");
    }

    @Override
    public void processElement(PassageRead read, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        WatchList list = ctx.getBroadcastState(WATCH_LIST).get(LIST);
        if (list == null) {
            waiting.add(read);
            return;
        }
        if (waiting.get().iterator().hasNext()) {
            waiting.clear(); // matched when the first list came; cleared here, where its key is current
        }
        match(read, list, out);
    }

    @Override
    public void processBroadcastElement(WatchList list, Context ctx, Collector<Alert> out) throws Exception {
        boolean first = ctx.getBroadcastState(WATCH_LIST).get(LIST) == null;
        ctx.getBroadcastState(WATCH_LIST).put(LIST, list);
        if (first) {
            // The backend sets each key as current while this runs, so the passage state is that key's. The
            // waiting reads are left to processElement to clear: removing keys while they are iterated fails.
            ctx.applyToKeyedState(WAITING, (key, state) -> {
                List<PassageRead> held = new ArrayList<>();
                state.get().forEach(held::add);
                for (PassageRead read : held) {
                    match(read, list, out);
                }
            });
        }
    }

    private void match(PassageRead read, WatchList list, Collector<Alert> out) throws Exception {
        match(matcher, passageGapMs, passages, read, list, out, raised);
    }

    /** Matches one read, remembering per passage what it raised; shared with {@link RaiseAlertsOnList}. */
    static void match(AlertMatcher matcher, long passageGapMs, MapState<String, PassageAlerts> passages,
            PassageRead read, WatchList list, Collector<Alert> out, Counter raised) throws Exception {
        AlertMatcher.Result result = matcher.decide(read, list, passages.get(read.eventId));
        if (result.passage() != null) {
            passages.put(read.eventId, result.passage());
        }
        for (Alert alert : result.alerts()) {
            out.collect(alert);
            raised.inc();
        }
        for (Iterator<Map.Entry<String, PassageAlerts>> it = passages.iterator(); it.hasNext(); ) {
            if (it.next().getValue().lastSeen + passageGapMs < read.seenAt) {
                it.remove();
            }
        }
    }
}
