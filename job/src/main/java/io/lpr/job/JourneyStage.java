package io.lpr.job;

import io.lpr.event.PlateEvent;
import io.lpr.journey.Journey;
import io.lpr.journey.JourneyPassage;
import io.lpr.journey.JourneysConfig;
import io.lpr.operator.JourneyPassages;
import io.lpr.operator.PairJourneys;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Journeys between cameras (README, "Journeys"), after the events: final events at a journey's sides, keyed by
 * journey, paired into rows for the {@code journeys} table. Stable uids, as every operator of the job.
 */
public final class JourneyStage {
    private JourneyStage() {}

    /** The journeys' rows, written to {@code sink}; nothing is added when no journey is configured. */
    public static void attach(DataStream<PlateEvent> events, JourneysConfig config, Sink<Journey> sink) {
        if (!config.enabled()) {
            return;
        }
        DataStream<Journey> journeys = events
                .process(new JourneyPassages(config)).name("journey-passages").uid("journey-passages")
                .keyBy((JourneyPassage p) -> p.journey)
                .process(new PairJourneys(config)).name("pair-journeys").uid("pair-journeys");
        // A trickle, as the events: one writer, as for the events' sinks.
        journeys.sinkTo(sink).name("sink-journeys").uid("sink-journeys").setParallelism(1);
    }
}
