package io.lpr.eval;

import io.lpr.event.Box;
import io.lpr.plate.PlateMatch;
import io.lpr.video.EvalManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores what the job made of a labelled folder against its manifest. Events are matched to expected
 * vehicles per file: exact texts first, then texts within {@link #NEAR} edits (found, wrong text). Events
 * left over are duplicates when they are near an expected plate of the file, junk otherwise. Frames: a
 * plate fully in view is found when a read's box overlaps it (IoU >= {@link #FRAME_IOU}) and read when
 * that read's text is exact.
 */
public final class EvalScore {
    static final int NEAR = 2;
    static final float FRAME_IOU = 0.3f;
    static final double[] CALIBRATION = {0.5, 0.7, 0.8, 0.9, 0.95};

    /** An event of one file. */
    public record Event(String file, String text, double confidence) {}

    /**
     * A read of one frame of one file ({@code text} null when unreadable, or when skipped: a box the recogniser did
     * not read, its plate already sure; it counts as found, not as read).
     */
    public record Read(String file, long frame, Box box, String text, double confidence, boolean skipped) {
        public Read(String file, long frame, Box box, String text, double confidence) {
            this(file, frame, box, text, confidence, false);
        }
    }

    /** How often a read with confidence at least {@code threshold} is exactly right. */
    public record Calibration(double threshold, int reads, int exact) {}

    /** The figures of one evaluation run. */
    public record Report(int expected, int events, int exact, int wrongText, int duplicates, int junk,
            int framePlates, int frameFound, int frameRead, int junkReads, int boxes, int rejected, List<Calibration> calibration,
            List<String> problems, List<String> details, int skipped) {
        public double precision() {
            return ratio(exact, events);
        }

        public double recall() {
            return ratio(exact, expected);
        }

        /** Of the vehicles found, those whose event has the exact text. */
        public double textAccuracy() {
            return ratio(exact, exact + wrongText);
        }

        public double frameReadAccuracy() {
            return ratio(frameRead, framePlates);
        }
    }

    private EvalScore() {}

    public static Report score(EvalManifest manifest, Map<String, List<Event>> events, Map<String, List<Read>> reads) {
        int expected = 0;
        int eventCount = 0;
        int exact = 0;
        int wrong = 0;
        int duplicates = 0;
        int junk = 0;
        int framePlates = 0;
        int frameFound = 0;
        int frameRead = 0;
        int junkReads = 0;
        int boxes = 0;
        int skipped = 0;
        int rejected = 0;
        List<String> problems = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<Read> allReads = new ArrayList<>();
        for (EvalManifest.Entry entry : manifest.files()) {
            List<String> open = new ArrayList<>(entry.expected());
            List<Event> fileEvents = events.getOrDefault(entry.file(), List.of());
            expected += open.size();
            eventCount += fileEvents.size();
            List<Event> left = new ArrayList<>();
            for (Event e : fileEvents) {
                if (open.remove(e.text())) {
                    exact++;
                } else {
                    left.add(e);
                }
            }
            for (Event e : left) {
                String near = open.stream().filter(t -> PlateMatch.editDistance(t, e.text()) <= NEAR).findFirst()
                        .orElse(null);
                if (near != null) {
                    open.remove(near);
                    wrong++;
                    problems.add(entry.file() + ": read " + e.text() + " for " + near);
                } else if (entry.expected().stream().anyMatch(t -> PlateMatch.editDistance(t, e.text()) <= NEAR)) {
                    duplicates++;
                    problems.add(entry.file() + ": duplicate " + e.text());
                } else {
                    junk++;
                    problems.add(entry.file() + ": junk " + e.text());
                }
            }
            open.forEach(t -> problems.add(entry.file() + ": missed " + t));

            List<Read> fileReads = reads.getOrDefault(entry.file(), List.of());
            skipped += (int) fileReads.stream().filter(Read::skipped).count();
            boxes += (int) fileReads.stream().filter(r -> !r.skipped()).count();
            rejected += (int) fileReads.stream().filter(r -> r.text() == null && !r.skipped()).count();
            allReads.addAll(fileReads.stream().filter(r -> r.text() != null).toList());
            if (entry.isVideo()) {
                int inView = framePlates;
                int read = frameRead;
                for (EvalManifest.FrameTruth frame : entry.frames()) {
                    List<Read> inFrame = fileReads.stream().filter(r -> r.frame() == frame.index()).toList();
                    for (EvalManifest.PlateBox plate : frame.plates()) {
                        framePlates++;
                        Box truth = box(plate.box());
                        List<Read> onPlate = inFrame.stream().filter(r -> r.box().iou(truth) >= FRAME_IOU).toList();
                        frameFound += onPlate.isEmpty() ? 0 : 1;
                        frameRead += onPlate.stream().anyMatch(r -> plate.text().equals(r.text())) ? 1 : 0;
                    }
                    junkReads += (int) inFrame.stream().filter(r -> r.text() != null && frame.plates().stream()
                            .noneMatch(p -> r.box().iou(box(p.box())) >= FRAME_IOU)).count();
                }
                details.add(String.format(Locale.ROOT, "%s: %d of %d plates in view read exactly; events %s",
                        entry.file(), frameRead - read, framePlates - inView,
                        fileEvents.stream().map(e -> String.format(Locale.ROOT, "%s (%.2f)", e.text(),
                                e.confidence())).toList()));
            } else {
                List<String> texts = new ArrayList<>(entry.expected());
                framePlates += texts.size();
                for (Read r : fileReads) {
                    if (r.text() != null && texts.remove(r.text())) {
                        frameRead++;
                        frameFound++;
                    } else if (r.text() != null && entry.expected().stream()
                            .noneMatch(t -> PlateMatch.editDistance(t, r.text()) <= NEAR)) {
                        junkReads++;
                    }
                }
            }
        }
        return new Report(expected, eventCount, exact, wrong, duplicates, junk, framePlates, frameFound, frameRead,
                junkReads, boxes, rejected, calibration(manifest, allReads), problems, details, skipped);
    }

    /** Per threshold: readable reads at or above it, and how many of those read a plate of their file exactly. */
    private static List<Calibration> calibration(EvalManifest manifest, List<Read> reads) {
        List<Calibration> rows = new ArrayList<>();
        for (double c : CALIBRATION) {
            int n = 0;
            int right = 0;
            for (Read r : reads) {
                if (r.confidence() >= c) {
                    n++;
                    right += expectedIn(manifest, r.file()).contains(r.text()) ? 1 : 0;
                }
            }
            rows.add(new Calibration(c, n, right));
        }
        return rows;
    }

    private static List<String> expectedIn(EvalManifest manifest, String file) {
        return manifest.files().stream().filter(e -> e.file().equals(file)).findFirst()
                .map(EvalManifest.Entry::expected).orElse(List.of());
    }

    private static Box box(double[] b) {
        return new Box((float) b[0], (float) b[1], (float) b[2], (float) b[3]);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : a / (double) b;
    }
}
