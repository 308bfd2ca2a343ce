package io.lpr.operator;

import io.lpr.journey.Journey;
import io.lpr.journey.JourneyPairer;
import io.lpr.journey.JourneyPassage;
import io.lpr.journey.JourneysConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per journey (the key: its name), entry and exit passages in, {@link Journey} rows out ({@link JourneyPairer}).
 *
 * <p>Keyed by journey, not by plate: a plate read slightly differently at the two cameras (one edit, a
 * look-alike) would have two keys and never meet, and no canonical form maps every one-edit pair to one key.
 * A journey's open entries (the cars inside) are one list in keyed state, bounded by
 * {@link JourneyPairer#MAX_OPEN}; journeys are a trickle of final events, so one key per journey is enough.
 *
 * <p>Passages from different cameras arrive in any order, so they wait in state until the watermark passes
 * their record time and are then paired oldest first: an exit is never seen before its entry. An entry
 * expires by an event-time timer at its limit plus the settle time ({@link JourneysConfig#settle}). When the
 * input ends (the watermark jumps to the end of time) the entries still open stay open: a file run that ends
 * has not waited out their limit.
 */
public class PairJourneys extends KeyedProcessFunction<String, JourneyPassage, Journey> {
    private static final long serialVersionUID = 1L;

    private final JourneysConfig config;
    private transient ListState<JourneyPassage> waiting;
    private transient ListState<JourneyPassage> open;
    private transient Counter unmatchedExits;

    public PairJourneys(JourneysConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("journey-waiting", JourneyPassage.class));
        open = getRuntimeContext().getListState(new ListStateDescriptor<>("journey-open", JourneyPassage.class));
        unmatchedExits = getRuntimeContext().getMetricGroup().counter("unmatchedExits");
    }

    @Override
    public void processElement(JourneyPassage passage, Context ctx, Collector<Journey> out) throws Exception {
        waiting.add(passage);
        ctx.timerService().registerEventTimeTimer(passage.recordTime);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Journey> out) throws Exception {
        JourneyPairer pairer = new JourneyPairer(config.journey(ctx.getCurrentKey()).orElseThrow(
                () -> new IllegalStateException("no journey " + ctx.getCurrentKey() + " in lpr.journeys; a job "
                        + "restored with a journey removed drops its state only once the name is gone for good")),
                config.settle().toMillis(), list(open));
        List<JourneyPassage> due = new ArrayList<>();
        List<JourneyPassage> later = new ArrayList<>();
        for (JourneyPassage p : list(waiting)) {
            (p.recordTime <= timestamp ? due : later).add(p);
        }
        List<Journey> rows = new ArrayList<>();
        pairer.add(due, rows::add);
        unmatchedExits.inc(pairer.unmatchedExits());
        // The input has ended: nothing expires, and no timer is set again (it would fire in this same pass).
        boolean ended = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        if (!ended) {
            pairer.expire(timestamp, rows::add);
        }
        rows.forEach(out::collect);
        waiting.update(later);
        open.update(pairer.open());
        if (!ended && pairer.nextExpiry() != Long.MAX_VALUE) {
            ctx.timerService().registerEventTimeTimer(pairer.nextExpiry());
        }
    }

    private static List<JourneyPassage> list(ListState<JourneyPassage> state) throws Exception {
        List<JourneyPassage> all = new ArrayList<>();
        for (JourneyPassage p : state.get()) {
            all.add(p);
        }
        return all;
    }
}
