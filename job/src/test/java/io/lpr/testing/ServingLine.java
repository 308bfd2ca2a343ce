package io.lpr.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The address {@code lpr serve} says it serves at, read from its output as a user would read it. */
public final class ServingLine {
    private static final Pattern SERVING = Pattern.compile("lpr: serving .* at (http://127\\.0\\.0\\.1:\\d+/) .*");

    private ServingLine() {}

    /** Reads lines until the serving line; fails naming what was printed if the output ends first. */
    public static String url(BufferedReader out) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = SERVING.matcher(line);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return fail("no serving line in: %s", seen);
    }
}
