package io.lpr.web;

/** Answered 404 with this message. */
final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
        super(message);
    }
}
