package io.lpr.plate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CTC prefix beam search over the model's per-step probabilities, pruned by a {@link PlateGrammar}: a
 * prefix is extended only by symbols some format allows at that position, and only texts that complete a
 * format are returned. A text's probability sums over all the alignments (paths) that collapse to it, so
 * it is the model's probability that the plate reads exactly so.
 */
public final class GrammarDecoder {
    /** Prefixes kept per time step; the grammar prunes hard, so few are needed. */
    public static final int DEFAULT_BEAM = 24;

    /** A grammar-valid text and its probability (0..1). */
    public record Candidate(String text, double probability) {}

    private final String symbols;
    private final int blank;
    private final int beamWidth;
    private final int maxLength;
    /** allowed[k][c]: formats (bit i = format i) longer than k whose position k allows symbol c. */
    private final long[][] allowed;
    /** complete[k]: formats exactly k symbols long. */
    private final long[] complete;

    /**
     * @param symbols the model's classes in index order, blank included (e.g. "0123456789ABEKMHOPCTYX-")
     * @param blank index of the CTC blank
     */
    public GrammarDecoder(PlateGrammar grammar, String symbols, int blank, int beamWidth) {
        this.symbols = symbols;
        this.blank = blank;
        this.beamWidth = beamWidth;
        List<PlateGrammar.Format> formats = grammar.formats();
        maxLength = formats.stream().mapToInt(PlateGrammar.Format::length).max().orElse(0);
        allowed = new long[maxLength][symbols.length()];
        complete = new long[maxLength + 1];
        for (int f = 0; f < formats.size(); f++) {
            PlateGrammar.Format format = formats.get(f);
            complete[format.length()] |= 1L << f;
            for (int k = 0; k < format.length(); k++) {
                for (int c = 0; c < symbols.length(); c++) {
                    if (c != blank && format.positions()[k].indexOf(symbols.charAt(c)) >= 0) {
                        allowed[k][c] |= 1L << f;
                    }
                }
            }
        }
    }

    private static final class Beam {
        final String text;
        final long formats;
        final int last;
        double blankEnding;
        double symbolEnding;

        Beam(String text, long formats, int last) {
            this.text = text;
            this.formats = formats;
            this.last = last;
        }

        double total() {
            return blankEnding + symbolEnding;
        }
    }

    /**
     * The grammar-valid texts, most probable first (at most {@code limit}); empty when no format can be
     * completed. {@code logits[c * steps + t]} is class c's logit at step t (LPRNet's layout).
     */
    public List<Candidate> decode(float[] logits, int steps, int limit) {
        double[][] p = softmax(logits, symbols.length(), steps);
        Map<String, Beam> beams = new HashMap<>();
        Beam start = new Beam("", -1L, -1);
        start.blankEnding = 1;
        beams.put("", start);
        for (int t = 0; t < steps; t++) {
            Map<String, Beam> next = new HashMap<>();
            for (Beam b : beams.values()) {
                Beam same = next.computeIfAbsent(b.text, k -> new Beam(b.text, b.formats, b.last));
                same.blankEnding += b.total() * p[t][blank];
                if (b.last >= 0) {
                    same.symbolEnding += b.symbolEnding * p[t][b.last];
                }
                int k = b.text.length();
                if (k >= maxLength) {
                    continue;
                }
                for (int c = 0; c < symbols.length(); c++) {
                    long ok = c == blank ? 0 : b.formats & allowed[k][c];
                    if (ok == 0) {
                        continue;
                    }
                    String text = b.text + symbols.charAt(c);
                    int symbol = c;
                    Beam ext = next.computeIfAbsent(text, x -> new Beam(text, ok, symbol));
                    // A repeat needs a blank in between, else it collapses into the previous symbol.
                    ext.symbolEnding += (c == b.last ? b.blankEnding : b.total()) * p[t][c];
                }
            }
            beams = prune(next);
        }
        List<Candidate> out = new ArrayList<>();
        for (Beam b : beams.values()) {
            if ((b.formats & complete[b.text.length()]) != 0) {
                out.add(new Candidate(b.text, b.total()));
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::probability).reversed());
        return out.size() <= limit ? out : out.subList(0, limit);
    }

    private Map<String, Beam> prune(Map<String, Beam> next) {
        if (next.size() <= beamWidth) {
            return next;
        }
        Map<String, Beam> kept = new HashMap<>();
        next.values().stream().sorted(Comparator.comparingDouble(Beam::total).reversed()).limit(beamWidth)
                .forEach(b -> kept.put(b.text, b));
        return kept;
    }

    /** Per-step class probabilities, [step][class], from class-major logits. */
    static double[][] softmax(float[] logits, int classes, int steps) {
        double[][] p = new double[steps][classes];
        for (int t = 0; t < steps; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[c * steps + t]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                p[t][c] = Math.exp(logits[c * steps + t] - max);
                sum += p[t][c];
            }
            for (int c = 0; c < classes; c++) {
                p[t][c] /= sum;
            }
        }
        return p;
    }
}
