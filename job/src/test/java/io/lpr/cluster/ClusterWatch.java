package io.lpr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.db.Database;
import io.lpr.events.EventStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Waits on a cluster's jobs through its REST API (on states and counts, each with a generous limit). */
final class ClusterWatch {
    private static final Duration LIMIT = Duration.ofMinutes(8);
    private static final ObjectMapper JSON = new ObjectMapper();
    LocalCluster cluster;

    void awaitState(String jobId, String state) throws Exception {
        await("job " + jobId + " " + state, () -> {
            String now = cluster.rest().jobState(jobId);
            assertThat(now).as("job %s failed; see %s", jobId, cluster.dir().resolve("log")).isNotIn("FAILED", "CANCELED".equals(state) ? "" : "CANCELED");
            return now.equals(state);
        });
    }

    /** Until the job's first task (source, detection and recognition, chained) has emitted this many plate reads. */
    void awaitRecordsOutOfFirstVertex(String jobId, long count) throws Exception {
        await("plate reads from " + jobId, () -> {
            JsonNode job = cluster.rest().get("/jobs/" + jobId);
            assertThat(job.path("state").asText()).isNotIn("FAILED", "FINISHED");
            return job.path("vertices").path(0).path("metrics").path("write-records").asLong() >= count;
        });
    }

    void awaitCheckpoints(String jobId, long completed) throws Exception {
        await("a completed checkpoint of " + jobId, () -> cluster.rest().get("/jobs/" + jobId + "/checkpoints")
                .path("counts").path("completed").asLong() >= completed);
    }

    void awaitRows(Database db, long rows, String jobId) throws Exception {
        await(rows + " events of " + jobId, () -> {
            assertThat(cluster.rest().jobState(jobId)).isNotIn("FAILED");
            return EventStore.count(db) >= rows;
        });
    }

    /**
     * Kills (SIGKILL) a TaskManager that runs tasks of the job, starts a replacement, and measures the recovery:
     * until the job runs again, and until the first event stored after the kill.
     */
    Recovery killTaskManagerRunning(String jobId, Database db) throws Exception {
        RestApi rest = cluster.rest();
        Set<String> running = rest.taskManagersOf(jobId);
        assertThat(running).as("task managers running %s", jobId).isNotEmpty();
        String victim = running.iterator().next();
        LocalCluster.Member member = cluster.members().stream().filter(m -> m.role().equals(victim)).findFirst()
                .orElseThrow(() -> new AssertionError("no process for " + victim));
        long rowsBefore = EventStore.count(db);
        long restartsBefore = restarts(jobId);
        long killedAt = System.nanoTime();
        ProcessHandle process = ProcessHandle.of(member.pid()).orElseThrow();
        assertThat(process.destroyForcibly()).isTrue(); // SIGKILL
        process.onExit().get();
        String status = ClusterFailoverIT.cli("cluster", "status", "--port", rest.address().replaceAll(".*:", ""),
                "--dir", cluster.dir().toString());
        assertThat(status).containsPattern(victim + "\\s+pid=" + member.pid() + " not running");
        String replacement = ClusterFailoverIT.cli("cluster", "add-taskmanager", "--port",
                rest.address().replaceAll(".*:", ""), "--dir", cluster.dir().toString()).replace(" registered", "").strip();

        long[] runningAgain = {-1};
        long[] firstNewEvent = {-1};
        await("the job running again and a new event", () -> {
            long now = System.nanoTime();
            if (runningAgain[0] < 0 && restarts(jobId) > restartsBefore && allTasksRunning(jobId)) {
                runningAgain[0] = now;
            }
            if (firstNewEvent[0] < 0 && EventStore.count(db) > rowsBefore) {
                firstNewEvent[0] = now;
            }
            String state = rest.jobState(jobId);
            assertThat(state).isNotEqualTo("FAILED");
            return (runningAgain[0] >= 0 || state.equals("FINISHED")) && (firstNewEvent[0] >= 0 || state.equals("FINISHED"));
        });
        return new Recovery(victim, replacement, rowsBefore, millis(killedAt, runningAgain[0]),
                millis(killedAt, firstNewEvent[0]), restarts(jobId) - restartsBefore);
    }

    private static long millis(long from, long to) {
        return to < 0 ? -1 : (to - from) / 1_000_000;
    }

    /**
     * The stop the README tells users to send, {@code curl -X POST HOST/jobs/JOB_ID/stop -d '{"drain":false}'}:
     * a savepoint in the cluster's savepoint folder, then the job finishes. Returns the savepoint's path.
     */
    String stopAsTheReadmeSays(String jobId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(cluster.rest().address() + "/jobs/" + jobId + "/stop"))
                // as curl -d sends it
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"drain\":false}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as("stop: %s", reply.body()).isEqualTo(202);
        String trigger = JSON.readTree(reply.body()).path("request-id").asText();
        JsonNode[] operation = {null};
        await("the savepoint of " + jobId, () -> {
            JsonNode status = cluster.rest().get("/jobs/" + jobId + "/savepoints/" + trigger);
            operation[0] = status.path("operation");
            return status.path("status").path("id").asText().equals("COMPLETED");
        });
        assertThat(operation[0].has("failure-cause")).as("stop with savepoint failed: %s", operation[0]).isFalse();
        return operation[0].path("location").asText();
    }

    /**
     * Watches a job through a database outage of {@code length}: it may fail tasks and restart, never fail for good
     * (Flink's restart strategy keeps it going). The outage itself is a duration, so this is the one fixed wait.
     */
    void watchThrough(String jobId, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            assertThat(cluster.rest().jobState(jobId)).as("job %s during the outage; see %s", jobId, cluster.dir().resolve("log"))
                    .isNotIn("FAILED", "CANCELED");
            Thread.sleep(1_000);
        }
    }

    /** Cancels every job of the cluster that has not ended, and waits until each is CANCELED. */
    void cancelUnfinishedJobs() throws Exception {
        for (JsonNode job : cluster.rest().get("/jobs").path("jobs")) {
            String id = job.path("id").asText();
            String state = job.path("status").asText();
            if (!List.of("FINISHED", "CANCELED", "FAILED").contains(state)) {
                if (!state.equals("CANCELLING")) {
                    cluster.rest().cancel(id);
                }
                await("job " + id + " cancelled", () -> List.of("CANCELED", "FINISHED", "FAILED").contains(cluster.rest().jobState(id)));
            }
        }
    }

    long restarts(String jobId) throws Exception {
        return cluster.rest().get("/jobs/" + jobId + "/metrics?get=numRestarts").path(0).path("value").asLong();
    }

    private boolean allTasksRunning(String jobId) throws Exception {
        JsonNode job = cluster.rest().get("/jobs/" + jobId);
        if (!job.path("state").asText().equals("RUNNING")) {
            return false;
        }
        for (JsonNode v : job.path("vertices")) {
            if (!List.of("RUNNING", "FINISHED").contains(v.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    interface Check {
        boolean done() throws Exception;
    }

    static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!check.done()) {
            assertThat(System.nanoTime()).as("waited %s for %s", LIMIT, what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** What a kill cost. */
    record Recovery(String killed, String replacement, long eventsBefore, long runningAgainMs, long firstNewEventMs,
            long restarts) {
        void report(long eventsAfter) {
            System.out.printf("RECOVERY killed=%s replacement=%s restarts=%d running-again-ms=%d first-new-event-ms=%d"
                    + " events-before=%d events-at-end=%d%n", killed, replacement, restarts, runningAgainMs,
                    firstNewEventMs, eventsBefore, eventsAfter);
        }
    }
}
