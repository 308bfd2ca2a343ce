package io.lpr.dedup;

import io.lpr.event.PlateEvent;

/**
 * One deduplicated event in keyed state: the event as last emitted (its revision included, which numbers
 * the next record), and the confidence-weighted votes of every text its passages read. A POJO of arrays, so
 * Flink serialises it without Kryo; fields added later (as the event's revision and final flag were) are
 * restored from older checkpoints by Flink's POJO schema evolution, as their Java defaults.
 */
public class DedupEntry {
    public PlateEvent event;
    public String[] texts = new String[0];
    public int[] votes = new int[0];
    /** Per text, the summed confidence x votes of the passages that read it. */
    public float[] weights = new float[0];

    public DedupEntry() {}
}
