package io.lpr.web;

/** A request the server refuses: answered 400 with this message, never with a stack trace. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
