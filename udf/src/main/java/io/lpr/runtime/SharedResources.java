package io.lpr.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process-wide, reference-counted resources such as loaded models: every operator subtask in a task
 * manager that asks for the same key shares one instance, closed when the last lease is closed. Flink
 * loads user code once per job and task manager, so "process" here means that class loader.
 */
public final class SharedResources {
    private static final Logger LOG = LoggerFactory.getLogger(SharedResources.class);
    private static final Map<String, Entry> ENTRIES = new HashMap<>();

    private SharedResources() {}

    /** A handle on a shared resource; closing it releases this holder's reference. */
    public static final class Lease<T extends AutoCloseable> implements AutoCloseable {
        private final String key;
        private final T resource;
        private boolean closed;

        private Lease(String key, T resource) {
            this.key = key;
            this.resource = resource;
        }

        public T get() {
            return resource;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(key);
            }
        }
    }

    private static final class Entry {
        final AutoCloseable resource;
        int references;

        Entry(AutoCloseable resource) {
            this.resource = resource;
        }
    }

    @SuppressWarnings("unchecked")
    public static synchronized <T extends AutoCloseable> Lease<T> acquire(String key, Supplier<T> factory) {
        Entry entry = ENTRIES.get(key);
        if (entry == null) {
            entry = new Entry(factory.get());
            ENTRIES.put(key, entry);
        }
        entry.references++;
        return new Lease<>(key, (T) entry.resource);
    }

    private static synchronized void release(String key) {
        Entry entry = ENTRIES.get(key);
        if (entry != null && --entry.references == 0) {
            ENTRIES.remove(key);
            try {
                entry.resource.close();
            } catch (Exception e) {
                LOG.warn("closing shared resource {} failed: {}", key, e.toString());
            }
        }
    }
}
