package io.lpr.watch;

import io.lpr.event.Alert;
import io.lpr.event.PassageRead;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decides the alerts of one read: its passage raises an entry's alert at the first read at or above the
 * minimum confidence that matches it, once. The Flink operator ({@code io.lpr.operator.RaiseAlerts}) keeps
 * the list and the {@link PassageAlerts} in state and calls this.
 *
 * @param minConfidence {@code lpr.alerts.min-confidence}
 * @param groupOfCamera {@code lpr.dedup.camera-groups}: an entry may name a camera's group
 */
public record AlertMatcher(float minConfidence, Map<String, String> groupOfCamera) implements Serializable {
    public AlertMatcher {
        groupOfCamera = Map.copyOf(groupOfCamera);
    }

    /**
     * The new alerts of {@code read}; {@code passage} (null when its passage raised none yet) is updated in
     * place, and a new one returned when there was none and an alert was raised (else {@code passage}).
     */
    public Result decide(PassageRead read, WatchList list, PassageAlerts passage) {
        PassageAlerts state = passage;
        if (state != null) {
            state.lastSeen = Math.max(state.lastSeen, read.seenAt);
        }
        List<Alert> alerts = new ArrayList<>();
        if (read.confidence < minConfidence || list == null) {
            return new Result(alerts, state);
        }
        for (WatchEntry entry : list.matching(read.plateText, read.cameraId, groupOfCamera.get(read.cameraId), read.seenAt)) {
            if (state != null && state.raised(entry.plate)) {
                continue;
            }
            if (state == null) {
                state = new PassageAlerts();
                state.lastSeen = read.seenAt;
            }
            state.entries = Arrays.copyOf(state.entries, state.entries.length + 1);
            state.entries[state.entries.length - 1] = entry.plate;
            alerts.add(alert(read, entry));
        }
        return new Result(alerts, state);
    }

    static Alert alert(PassageRead read, WatchEntry entry) {
        Alert alert = new Alert();
        alert.alertId = Alert.idOf(read.eventId, entry.plate);
        alert.eventId = read.eventId;
        alert.entry = entry.plate;
        alert.level = entry.level.label();
        alert.note = entry.note;
        alert.cameraId = read.cameraId;
        alert.plateText = read.plateText;
        alert.confidence = read.confidence;
        alert.seenAt = read.seenAt;
        return alert;
    }

    /** @param passage what to keep for the read's passage; null when it raised nothing yet */
    public record Result(List<Alert> alerts, PassageAlerts passage) {}
}
