package io.lpr.db;

import io.lpr.model.NativeCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Gives the SQLite driver its native library from the per-user {@link NativeCache} ({@code ~/.djl.ai/sqlite}).
 * Left to itself, sqlite-jdbc unpacks {@code sqlite-VERSION-UUID-libsqlitejdbc.so} (1 MB) and a {@code .lck}
 * into {@code java.io.tmpdir} in every process and deletes them only at a normal exit: each {@code kill -9},
 * second Ctrl-C or failed stop left both in {@code /tmp}, and the driver's own clean-up spares files whose
 * {@code .lck} is still there. With {@code org.sqlite.lib.path} it loads the cached library in place; with
 * {@code org.sqlite.tmpdir} even its fallback unpacks into the cache, not {@code /tmp}.
 *
 * <p>Called before every SQLite connection ({@link SqlDialect#driver()}): the driver loads its library at the
 * first connection, so this covers every process that opens one (the CLI, a TaskManager, a test) with no
 * entry point left to remember.
 */
final class SqliteNatives {
    static final String LIB_PATH = "org.sqlite.lib.path";
    static final String LIB_NAME = "org.sqlite.lib.name";
    static final String TMPDIR = "org.sqlite.tmpdir";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNatives.class);
    private static boolean done;

    private SqliteNatives() {}

    /** Points the driver at the cached library, unpacking it there first when needed; once per process. */
    static synchronized void useCache() {
        if (done) {
            return;
        }
        done = true;
        if (System.getProperty(LIB_PATH) != null || System.getProperty(TMPDIR) != null) {
            return; // the user chose where the library comes from
        }
        String resourcePath = LibraryLoaderUtil.getNativeLibResourcePath(); // /org/sqlite/native/Linux/x86_64
        String name = LibraryLoaderUtil.getNativeLibName();
        ClassLoader loader = LibraryLoaderUtil.class.getClassLoader();
        String resourceDir = resourcePath.substring(1) + "/";
        if (loader.getResource(resourceDir + name) == null) {
            return; // no library for this platform in the jar: the driver looks on java.library.path itself
        }
        String platform = resourcePath.substring("/org/sqlite/native/".length()).replace('/', '-');
        try {
            Path dir = NativeCache.unpack("sqlite", platform, loader, resourceDir, List.of(name));
            System.setProperty(LIB_PATH, dir.toString());
            System.setProperty(LIB_NAME, name);
            System.setProperty(TMPDIR, dir.toString());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot cache SQLite's native library ({}); the driver unpacks it into {} instead",
                    e.getMessage(), System.getProperty("java.io.tmpdir"));
        }
    }
}
