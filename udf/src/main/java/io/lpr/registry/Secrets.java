package io.lpr.registry;

import java.util.regex.Pattern;

/** Masks passwords in URLs before they reach a log line or an error message. */
final class Secrets {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/:@]*:)[^@/]*@");

    private Secrets() {}

    /** The URL with any password in it ({@code user:secret@} or {@code password=secret}) replaced by ***. */
    static String maskUrl(String url) {
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USERINFO_PASSWORD.matcher(masked).replaceAll("$1***@");
    }
}
