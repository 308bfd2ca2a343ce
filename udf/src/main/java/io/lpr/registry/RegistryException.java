package io.lpr.registry;

/** A camera registry that cannot be read or holds a bad entry; the message is one readable line. */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
