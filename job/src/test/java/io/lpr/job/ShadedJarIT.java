package io.lpr.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The jar submitted to a cluster: DJL must find both engines in it, and Flink itself must not be inside. */
class ShadedJarIT {
    static final Path JAR = Paths.get(System.getProperty("lpr.shaded.jar"));

    @Test
    void djlFindsBothEnginesInTheShadedJarAlone() throws Exception {
        assertThat(JAR).exists();
        // As on a cluster: the jar, plus the slf4j API that Flink's lib/ provides.
        URL slf4j = org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {JAR.toUri().toURL(), slf4j},
                ClassLoader.getPlatformClassLoader())) {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(jarOnly); // DJL's ServiceLoader looks here, as in Flink
            try {
                Class<?> engine = Class.forName("ai.djl.engine.Engine", true, jarOnly);
                @SuppressWarnings("unchecked")
                Set<String> engines = (Set<String>) engine.getMethod("getAllEngines").invoke(null);
                assertThat(engines).contains("PyTorch", "OnnxRuntime");
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    @Test
    void holdsTheJobAndNotFlink() throws Exception {
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            assertThat(zip.getEntry("io/lpr/job/LprJob.class")).isNotNull();
            assertThat(zip.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class"))
                    .isNull();
            assertThat(zip.stream().anyMatch(e -> e.getName().startsWith("ai/onnxruntime/native/win-"))).isFalse();
        }
        assertThat(Files.size(JAR)).isLessThan(400L << 20);
    }
}
