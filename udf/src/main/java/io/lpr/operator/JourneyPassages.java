package io.lpr.operator;

import io.lpr.event.PlateEvent;
import io.lpr.journey.JourneyPassage;
import io.lpr.journey.JourneySpec;
import io.lpr.journey.JourneysConfig;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Final plate events in, one {@link JourneyPassage} per journey whose entry or exit side saw the event out.
 * Only final records: an event's earlier revisions may still change (a later passage joins it), the final one
 * cannot, so each passage is paired once, with the text the event settled on.
 */
public class JourneyPassages extends ProcessFunction<PlateEvent, JourneyPassage> {
    private static final long serialVersionUID = 1L;

    private final JourneysConfig config;

    public JourneyPassages(JourneysConfig config) {
        this.config = config;
    }

    @Override
    public void processElement(PlateEvent event, Context ctx, Collector<JourneyPassage> out) {
        if (!event.isFinal || event.plateText == null) {
            return;
        }
        long time = ctx.timestamp() == null ? event.lastSeen : ctx.timestamp();
        for (JourneySpec journey : config.journeys()) {
            if (journey.isEntry(event.cameraId, config.groupOfCamera())) {
                out.collect(JourneyPassage.of(journey.name(), true, event, time));
            } else if (journey.isExit(event.cameraId, config.groupOfCamera())) {
                out.collect(JourneyPassage.of(journey.name(), false, event, time));
            }
        }
    }
}
