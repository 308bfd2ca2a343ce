package io.lpr.registry;

import io.lpr.camera.CameraField;
import java.util.List;
import java.util.Map;

/**
 * A row of the cameras table as stored, read tolerantly: the settings that could be read, and one reason for
 * each part that could not ({@code fps must be a number, got 'fast'}), so a reader can show the rest.
 *
 * @param id null when the row has none
 * @param url null when the row has none, or none that reads as text
 */
public record CameraRow(String id, String url, Map<CameraField, Object> settings, List<String> problems) {

    public CameraRow {
        settings = Map.copyOf(settings);
        problems = List.copyOf(problems);
    }

    /**
     * The row as an entry; the first problem when it has one.
     *
     * @throws IllegalArgumentException naming the camera and what of it cannot be read
     */
    public CameraEntry entry() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("camera " + (id == null ? "without an id" : id) + ": "
                    + problems.get(0));
        }
        return new CameraEntry(id, url, settings);
    }

    public boolean enabled() {
        return !Boolean.FALSE.equals(settings.get(CameraField.ENABLED));
    }
}
