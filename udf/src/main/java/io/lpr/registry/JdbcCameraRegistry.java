package io.lpr.registry;

import io.lpr.camera.CameraDefaults;
import io.lpr.camera.CameraSpec;
import io.lpr.db.Database;
import java.util.List;

/** Cameras from the {@link CameraTable cameras table}, read afresh on every poll. */
public final class JdbcCameraRegistry implements CameraRegistry {
    private static final long serialVersionUID = 1L;

    private final Database database;
    private final CameraDefaults defaults;

    private JdbcCameraRegistry(Database database, CameraDefaults defaults) {
        this.database = database;
        this.defaults = defaults;
    }

    /**
     * Connects once now, creating the table when it is absent, so an unreachable database stops
     * the job before it starts.
     *
     * @throws RegistryException with a one-line reason
     */
    public static JdbcCameraRegistry open(Database database) {
        return open(database, CameraDefaults.DEFAULTS);
    }

    /** As {@link #open(Database)}, with job-wide settings for what a row leaves empty. */
    public static JdbcCameraRegistry open(Database database, CameraDefaults defaults) {
        JdbcCameraRegistry registry = new JdbcCameraRegistry(database, defaults);
        registry.table().createIfAbsent();
        return registry;
    }

    /** The table behind this registry, to add, change or remove cameras. */
    public CameraTable table() {
        return new CameraTable(database);
    }

    @Override
    public List<CameraSpec> poll() {
        CameraTable table = table();
        return CameraEntry.toSpecs(table.list(), defaults, table.toString());
    }

    @Override
    public boolean isDynamic() {
        return true;
    }

    @Override
    public String toString() {
        return table().toString();
    }
}
