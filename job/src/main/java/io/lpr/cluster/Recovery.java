package io.lpr.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * After a JobManager died: which jobs were running (the last state its log gave each job), and the latest
 * retained checkpoint of each ({@code checkpoints/JOB_ID/chk-N} with its {@code _metadata}), to resume from.
 * A standalone session cluster without HA keeps no job graph, so the job is submitted again from it.
 */
final class Recovery {
    private static final Pattern TRANSITION = Pattern.compile(
            "Job .* \\(([0-9a-f]{32})\\) switched from state (\\w+) to (\\w+)\\.");
    /** States of a job the JobManager was still running (or about to restart) when it died. */
    private static final Set<String> UNFINISHED = Set.of("CREATED", "INITIALIZING", "RUNNING", "RESTARTING", "FAILING",
            "RECONCILING");

    private static final String SESSION_START = "Starting StandaloneSessionClusterEntrypoint";

    private Recovery() {}

    /** A job to resume, and its latest retained checkpoint if it completed one. */
    record Resumable(String jobId, Optional<Path> checkpoint) {
        String line(String restAddress) {
            return checkpoint.map(c -> "job " + jobId + " was running when the JobManager died: resume it with its own flags"
                            + " and `lpr run --cluster " + restAddress + " --from-savepoint " + c + " ...`")
                    .orElse("job " + jobId + " was running when the JobManager died and completed no checkpoint:"
                            + " submit it again with `lpr run --cluster " + restAddress + " ...`");
        }
    }

    static List<Resumable> resumable(Path jobManagerLog, Path checkpoints) throws IOException {
        List<Resumable> jobs = new ArrayList<>();
        for (String jobId : unfinishedJobs(jobManagerLog)) {
            jobs.add(new Resumable(jobId, latestCheckpoint(checkpoints.resolve(jobId))));
        }
        return jobs;
    }

    /** The jobs whose last state in the log is one of a running job, in the order they first appear. */
    static List<String> unfinishedJobs(Path jobManagerLog) throws IOException {
        if (!Files.isRegularFile(jobManagerLog)) {
            return List.of();
        }
        Map<String, String> last = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(jobManagerLog, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                if (line.contains(SESSION_START)) {
                    last.clear(); // the log appends: only the last JobManager's jobs count
                }
                Matcher m = TRANSITION.matcher(line);
                if (m.find()) {
                    last.put(m.group(1), m.group(3));
                }
            });
        }
        return last.entrySet().stream().filter(e -> UNFINISHED.contains(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /** {@code chk-N} with the highest N that has its {@code _metadata} (a completed checkpoint). */
    static Optional<Path> latestCheckpoint(Path jobCheckpoints) throws IOException {
        if (!Files.isDirectory(jobCheckpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jobCheckpoints)) {
            return dirs.filter(d -> d.getFileName().toString().matches("chk-\\d+"))
                    .filter(d -> Files.isRegularFile(d.resolve("_metadata")))
                    .max(Comparator.comparingLong(d -> Long.parseLong(d.getFileName().toString().substring(4))));
        }
    }
}
