package io.lpr.recognize;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * LPRNet made batch-invariant with its own weights. Its global context divides each feature map by
 * {@code torch.mean(f_pow)}, the mean of squares over the WHOLE batch tensor, so a crop's logits depend on its
 * batch-mates. A TorchScript archive keeps the model's code as text beside the weights and compiles it on
 * load, so this rewrites that one expression to the mean over each sample's own channels, rows and columns
 * ({@code torch.mean(f_pow, [1, 2, 3], True)}). For a batch of one both are the same reduction: the rewritten
 * model gives exactly the original's logits one crop at a time, and the same logits (to float rounding in the
 * batched convolutions) in any batch.
 */
final class PerSampleLprnet {
    /** The batch-wide mean of squares as the reference's traced LPRNet writes it. */
    private static final Pattern BATCH_MEAN = Pattern.compile("torch\\.mean\\((f_pow\\d*)\\)");
    private static final String PER_SAMPLE_MEAN = "torch.mean($1, [1, 2, 3], True)";
    private static final String DEBUG_SUFFIX = ".debug_pkl";

    private PerSampleLprnet() {}

    /** TorchScript code with every batch-wide mean of squares replaced by a per-sample one. */
    static String rewriteCode(String code) {
        return BATCH_MEAN.matcher(code).replaceAll(PER_SAMPLE_MEAN);
    }

    /** How many batch-wide means of squares the code has. */
    static int batchMeans(String code) {
        Matcher matcher = BATCH_MEAN.matcher(code);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /**
     * Writes the rewritten archive of {@code model} to {@code out}.
     *
     * @return false (and nothing written) when the file is not a TorchScript archive with a batch-wide mean, e.g.
     *     another export of LPRNet: that model then runs one crop per call
     */
    static boolean rewrite(Path model, Path out) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        try (ZipFile zip = new ZipFile(model.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().contains("/code/") && entry.getName().endsWith(".py")) {
                    String code = new String(bytes, StandardCharsets.UTF_8);
                    if (batchMeans(code) > 0) {
                        bytes = rewriteCode(code).getBytes(StandardCharsets.UTF_8);
                        rewritten.add(entry.getName());
                    }
                }
                entries.add(new Entry(entry.getName(), bytes));
            }
        } catch (ZipException notAnArchive) {
            return false;
        }
        if (rewritten.isEmpty()) {
            return false;
        }
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Entry entry : entries) {
                // Debug records map the old code's character offsets; stale ones would point into the new text.
                if (!rewritten.contains(stripSuffix(entry.name()))) {
                    entry.write(zip);
                }
            }
        }
        return true;
    }

    private static String stripSuffix(String name) {
        return name.endsWith(DEBUG_SUFFIX) ? name.substring(0, name.length() - DEBUG_SUFFIX.length()) : "";
    }

    private record Entry(String name, byte[] bytes) {
        /** Stored, not deflated, as PyTorch writes its archives. */
        void write(ZipOutputStream zip) throws IOException {
            ZipEntry entry = new ZipEntry(name);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }
    }
}
