package io.lpr.web;

import io.lpr.db.SqlDialect;

/**
 * The server only reads: its database URL asks the driver for read-only connections, so no code path (a
 * bug, a crafted request) can change the events, and a missing SQLite file is never created.
 */
public final class ReadOnly {
    private ReadOnly() {}

    /** @param url a full JDBC URL, e.g. {@code Database#url()} */
    public static String url(String url) {
        String flags = switch (SqlDialect.of(url)) {
            case SQLITE -> "open_mode=1"; // SQLITE_OPEN_READONLY, without SQLITE_OPEN_CREATE
            case POSTGRES -> "readOnly=true&readOnlyMode=always"; // also in auto-commit mode
        };
        return url + (url.contains("?") ? "&" : "?") + flags;
    }
}
