package io.lpr.registry;

import io.lpr.source.CameraDefaults;
import io.lpr.source.CameraSpec;
import java.util.List;

/** Cameras from the {@link CameraTable cameras table}, read afresh on every poll. */
public final class JdbcCameraRegistry implements CameraRegistry {
    private static final long serialVersionUID = 1L;

    private final JdbcDatabase database;
    private final CameraDefaults defaults;

    private JdbcCameraRegistry(JdbcDatabase database, CameraDefaults defaults) {
        this.database = database;
        this.defaults = defaults;
    }

    /**
     * Connects once now, creating the table when it is absent, so an unreachable database stops
     * the job before it starts.
     *
     * @throws RegistryException with a one-line reason
     */
    public static JdbcCameraRegistry open(JdbcDatabase database) {
        return open(database, CameraDefaults.NONE);
    }

    /** As {@link #open(JdbcDatabase)}, with job-wide settings for what a row leaves empty. */
    public static JdbcCameraRegistry open(JdbcDatabase database, CameraDefaults defaults) {
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
