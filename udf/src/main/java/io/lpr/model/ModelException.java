package io.lpr.model;

/** A model that is missing, corrupt or unusable; the message is one line a user can act on. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
