package io.lpr.cli;

import io.lpr.job.RunningJob;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM stop the running job cleanly, draining it so every event found so far
 * reaches the sink; a second signal gives up and exits at once. A job that is restarting is waited for
 * ({@link RunningJob#stop()}); one that cannot drain even then is cancelled with its checkpoints kept, and
 * {@link RunCommand} ends with {@link RunCommand#NOT_DRAINED} and says how to resume.
 */
final class StopOnSignal {
    private StopOnSignal() {}

    static void install(RunningJob job, PrintWriter err) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                if (!stopping.compareAndSet(false, true)) {
                    err.println("lpr: stopping at once");
                    err.flush();
                    Runtime.getRuntime().halt(130);
                }
                err.println("lpr: stopping: draining the job so every event found so far is stored ...");
                err.flush();
                // Not on the signal thread: the stop waits for the job to drain.
                Thread stopper = new Thread(() -> {
                    try {
                        job.stop();
                    } catch (RunningJob.NotDrainedException e) {
                        // The job is cancelled: the main thread's wait ends and says how to resume.
                        err.println("lpr: " + e.getMessage());
                        err.flush();
                    } catch (Exception e) {
                        Throwable cause = org.apache.flink.util.ExceptionUtils.stripExecutionException(e);
                        err.println("lpr: clean stop failed: " + cause);
                        err.flush();
                        Runtime.getRuntime().halt(1);
                    }
                }, "lpr-stop");
                stopper.start();
            });
        }
    }
}
