package io.lpr.cli;

/** Something the user can fix, told in one line. */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }
}
