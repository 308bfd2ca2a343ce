package io.lpr.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} references to environment variables in camera URLs, so passwords live in the
 * environment and not in the camera file or table. The values put in are remembered, so error
 * messages about the resolved URL can be masked.
 */
final class EnvReferences {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String text;
    private final List<String> secrets;

    private EnvReferences(String text, List<String> secrets) {
        this.text = text;
        this.secrets = secrets;
    }

    /**
     * @param env the value of an environment variable, or null when it is not set
     * @throws IllegalArgumentException naming the first variable that is not set
     */
    static EnvReferences resolve(String text, UnaryOperator<String> env) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        List<String> secrets = new ArrayList<>();
        while (reference.find()) {
            String name = reference.group(1);
            String value = env.apply(name);
            if (value == null) {
                throw new IllegalArgumentException("environment variable " + name + " is not set");
            }
            if (!value.isEmpty()) {
                secrets.add(value);
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        reference.appendTail(resolved);
        return new EnvReferences(resolved.toString(), secrets);
    }

    String text() {
        return text;
    }

    /** {@code message} with every value that came from the environment replaced by ***. */
    String mask(String message) {
        String masked = message == null ? "" : message;
        for (String secret : secrets) {
            masked = masked.replace(secret, "***");
        }
        return masked;
    }
}
