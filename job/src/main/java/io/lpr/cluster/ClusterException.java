package io.lpr.cluster;

/**
 * A cluster problem a user can act on (none answers at the address, one already runs, a memory setting too
 * small, a jar the cluster refused): the CLI prints its message as one line, with no stack trace.
 */
public final class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
