package io.lpr.watch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole watch list as read at one moment (the table, the YAML file): what the job broadcasts to every
 * alert subtask and keeps in broadcast state. Each poll sends the whole list, so an entry removed from the
 * table is gone from the next list; there are no deltas to lose or to apply in order. A POJO.
 */
public class WatchList implements Serializable {
    private static final long serialVersionUID = 1L;

    public WatchEntry[] entries = new WatchEntry[0];

    public WatchList() {}

    public static WatchList of(List<WatchEntry> entries) {
        WatchList list = new WatchList();
        list.entries = entries.toArray(WatchEntry[]::new);
        return list;
    }

    /** The entries a read of {@code text} at {@code cameraId} (group {@code group}) at {@code time} matches. */
    public List<WatchEntry> matching(String text, String cameraId, String group, long time) {
        List<WatchEntry> found = new ArrayList<>();
        for (WatchEntry entry : entries) {
            if (entry.matches(text, cameraId, group, time)) {
                found.add(entry);
            }
        }
        return found;
    }

    /** This list with {@code more} added; an entry of the same plate replaces the earlier one. */
    public WatchList with(List<WatchEntry> more) {
        List<WatchEntry> all = new ArrayList<>(Arrays.asList(entries));
        for (WatchEntry e : more) {
            all.removeIf(old -> old.plate.equals(e.plate));
            all.add(e);
        }
        return of(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatchList l && Arrays.equals(entries, l.entries);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(entries);
    }

    @Override
    public String toString() {
        return Arrays.toString(entries);
    }
}
