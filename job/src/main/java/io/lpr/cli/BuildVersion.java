package io.lpr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code lpr -V}: the version Maven built, from {@code version.properties} (filtered with {@code ${project.version}}),
 * so it is right from the jar and from {@code ./lpr}'s classes folders alike.
 */
final class BuildVersion implements IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"lpr " + version()};
    }

    static String version() throws IOException {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("no " + RESOURCE + " beside " + BuildVersion.class.getName() + ": a broken build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        }
    }
}
