package io.lpr.job;

import io.lpr.cli.LprCli;

/**
 * The shaded jar's entry point for {@code flink run}: the same flags as {@code ./lpr run}, executed on the
 * environment Flink provides (the cluster's when submitted, a local one when started directly).
 */
public final class LprJob {
    private LprJob() {}

    public static void main(String[] args) {
        // The jar leaves the native-bearing libraries to the cluster's lib/: say so in one line if they are not there.
        ClusterLibraries.require(LprJob.class.getClassLoader());
        // The cluster runs, checkpoints and restarts the job: no local work folder, checkpoints or restarts.
        System.setProperty(JobRunner.SUBMITTED_PROPERTY, "true");
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        int exit = LprCli.commandLine().execute(withRun);
        if (exit != 0) {
            // Flink's client reports a failed main() as a failed submission.
            throw new IllegalStateException("lpr job did not run (exit " + exit + ")");
        }
    }
}
