package io.lpr.eval;

import io.lpr.event.Box;
import io.lpr.event.PlateEvent;
import io.lpr.event.PlateRead;

/** A read or an event of the evaluated job, without pixels, so the collected stream stays small. */
public class EvalOutcome {
    public String cameraId;
    public boolean event;
    public long frame;
    public Box box;
    public String text;
    public double confidence;
    /** A box the recogniser skipped, its plate already sure. */
    public boolean skipped;

    public EvalOutcome() {}

    static EvalOutcome of(PlateRead read) {
        EvalOutcome o = new EvalOutcome();
        o.cameraId = read.candidate.cameraId;
        o.frame = read.candidate.frameSequence;
        o.box = read.candidate.box;
        o.text = read.text;
        o.confidence = read.confidence;
        o.skipped = read.skipped;
        return o;
    }

    static EvalOutcome of(PlateEvent event) {
        EvalOutcome o = new EvalOutcome();
        o.cameraId = event.cameraId;
        o.event = true;
        o.box = event.box;
        o.text = event.plateText;
        o.confidence = event.confidence;
        return o;
    }
}
