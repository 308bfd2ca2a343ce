package io.lpr.db;

/** A database problem the user can act on; the message is one readable line and never contains a password. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
