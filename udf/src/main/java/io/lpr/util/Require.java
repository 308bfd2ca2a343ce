package io.lpr.util;

/** The check every config record's constructor makes: a refused value is an IllegalArgumentException naming it. */
public final class Require {
    private Require() {}

    public static void that(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
