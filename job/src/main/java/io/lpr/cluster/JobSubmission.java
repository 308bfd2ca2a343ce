package io.lpr.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code lpr run --cluster HOST:PORT}: the shaded job jar uploaded to a running cluster and its main class run
 * there with the run's own flags, detached, as {@code flink run -d} does. The flags are read on the cluster, so
 * local files they name (the models, config and cameras files, video cameras) are made absolute here; on one
 * machine they are the same files.
 */
public final class JobSubmission {
    public static final String ENTRY_CLASS = "io.lpr.job.LprJob";
    private static final Set<String> FILE_OPTIONS = Set.of("--config", "--cameras", "--models", "--watchlist");

    private JobSubmission() {}

    /**
     * Uploads and runs the jar, then deletes the upload: once the run request is answered the job's graph and
     * its jar are in the cluster's blob store, so each submission leaves no copy behind in the upload folder.
     * Returns the job id.
     */
    public static String submit(RestApi rest, Path jar, List<String> args, String savepoint)
            throws IOException, InterruptedException {
        String jarId = rest.uploadJar(jar);
        try {
            return rest.runJar(jarId, ENTRY_CLASS, args, savepoint);
        } finally {
            try {
                rest.deleteJar(jarId);
            } catch (IOException e) {
                // The job runs (or its failure is reported above); a leftover upload only costs disk.
                System.err.println("lpr: the uploaded jar " + jarId + " stays on the cluster: " + e.getMessage());
            }
        }
    }

    /**
     * The run's arguments as the cluster needs them: without {@code --cluster}, with {@code --models} set to
     * {@code modelsDir}, and existing local files absolute.
     */
    public static List<String> clusterArguments(List<String> original, Path modelsDir) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            String arg = original.get(i);
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = !name.equals(arg);
            String value = inline ? arg.substring(name.length() + 1) : (i + 1 < original.size() ? original.get(i + 1) : null);
            if (name.equals("--cluster") || name.equals("--models") || name.equals("--jar") || name.equals("--from-savepoint")) {
                i += inline ? 0 : 1;
                continue;
            }
            if (FILE_OPTIONS.contains(name) || name.equals("--camera")) {
                args.add(name);
                args.add(name.equals("--camera") ? absoluteCamera(value) : absolute(value));
                i += inline ? 0 : 1;
                continue;
            }
            args.add(arg);
        }
        args.add("--models");
        args.add(modelsDir.toAbsolutePath().toString());
        return args;
    }

    /** The shaded jar beside the sources ({@code job/target/lpr-job-*-flink.jar}). */
    public static Path findJar(Path home) throws IOException {
        Path target = home.resolve("job").resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(p -> p.getFileName().toString().matches("lpr-job-.*-flink\\.jar")).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new IOException("no job jar in " + target + ": `./lpr run --cluster ...` builds it, or `mvn -B -DskipTests package`, or give --jar FILE");
    }

    private static String absolute(String value) {
        if (value == null) {
            return null;
        }
        Path path = Path.of(value);
        return Files.exists(path) ? path.toAbsolutePath().normalize().toString() : value;
    }

    private static String absoluteCamera(String spec) {
        if (spec == null) {
            return null;
        }
        int eq = spec.indexOf('=');
        if (eq <= 0 || spec.substring(eq + 1).contains("://")) {
            return spec;
        }
        return spec.substring(0, eq + 1) + absolute(spec.substring(eq + 1));
    }
}
