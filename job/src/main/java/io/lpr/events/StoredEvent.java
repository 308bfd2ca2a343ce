package io.lpr.events;

import io.lpr.event.PlateEvent;
import java.util.List;

/**
 * A row of {@code plate_events} as read: the event with every value that could be read, and one line for each
 * stored value that could not (left at its default in {@code event}). Readers show the event and name these.
 */
public record StoredEvent(PlateEvent event, List<String> unreadable) {
    public StoredEvent {
        unreadable = List.copyOf(unreadable);
    }
}
