package io.lpr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar submitted to a cluster is lean: the job, its connectors and drivers, at most 32 MiB. The native-bearing
 * libraries are the cluster's ({@code job/target/cluster-lib/}, its {@code lib/}): with them as the parent
 * class loader, as on a TaskManager, DJL finds both engines; without them, the job stops at start with one line.
 */
class ShadedJarIT {
    static final Path JAR = Paths.get(System.getProperty("lpr.shaded.jar"));
    static final Path CLUSTER_LIB = Paths.get(System.getProperty("lpr.cluster.lib"));
    static final long MAX_BYTES = 32L << 20;

    /** The slf4j API that Flink's lib/ provides. */
    static URL slf4j() {
        return org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void djlFindsBothEnginesInTheClustersLibBelowTheJar() throws Exception {
        List<URL> lib = new ArrayList<>();
        try (Stream<Path> jars = Files.list(CLUSTER_LIB)) {
            for (Path jar : jars.sorted().toList()) {
                lib.add(jar.toUri().toURL());
            }
        }
        lib.add(slf4j());
        try (URLClassLoader cluster = new URLClassLoader(lib.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
                URLClassLoader job = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, cluster)) {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(job); // DJL's ServiceLoader looks here, as in Flink
            try {
                Class<?> engine = Class.forName("ai.djl.engine.Engine", true, job);
                assertThat(engine.getClassLoader()).as("DJL comes from the cluster's lib/").isSameAs(cluster);
                @SuppressWarnings("unchecked")
                Set<String> engines = (Set<String>) engine.getMethod("getAllEngines").invoke(null);
                assertThat(engines).contains("PyTorch", "OnnxRuntime");
                assertThat(ClusterLibraries.missing(job)).isEmpty();
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    @Test
    void aClusterWithoutTheNativeLibrariesStopsTheJobAtStartWithOneLine() throws Exception {
        try (URLClassLoader job = new URLClassLoader(new URL[] {JAR.toUri().toURL(), slf4j()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> main = Class.forName(LprJob.class.getName(), false, job);
            Throwable thrown = catchThrowable(() -> main.getMethod("main", String[].class).invoke(null, (Object) new String[0]));
            assertThat(thrown).isInstanceOf(InvocationTargetException.class);
            assertThat(thrown.getCause()).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("this Flink cluster lacks the job's native libraries in its lib/: ai.djl:api,")
                    .hasMessageContaining("org.bytedeco:javacv").hasMessageContaining("com.microsoft.onnxruntime:onnxruntime")
                    .hasMessageContaining("job/target/cluster-lib/").hasMessageNotContaining("\n");
        }
    }

    @Test
    void isLeanHoldsTheJobConnectorsAndDriversWithServicesMergedAndNoFlinkOrNatives() throws Exception {
        assertThat(Files.size(JAR)).isLessThanOrEqualTo(MAX_BYTES);
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            assertThat(zip.getEntry("io/lpr/job/LprJob.class")).isNotNull();
            assertThat(zip.getEntry("org/apache/flink/connector/kafka/sink/KafkaSink.class")).isNotNull();
            assertThat(zip.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class"))
                    .isNull();
            // Services of several jars merged, not overwritten: both JDBC drivers register.
            assertThat(new String(zip.getInputStream(zip.getEntry("META-INF/services/java.sql.Driver")).readAllBytes()))
                    .contains("org.sqlite.JDBC", "org.postgresql.Driver");
            assertThat(zip.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("ai/djl/") || n.startsWith("ai/onnxruntime/") || n.startsWith("org/bytedeco/")
                            || n.startsWith("pytorch/") || n.startsWith("jnilib/") || n.contains("libtorch")
                            || n.contains("libonnxruntime") || n.contains("opencv") || n.contains("libav"))
                    .limit(5)).as("the cluster's native-bearing libraries").isEmpty();
        }
        List<String> listed = Files.readAllLines(JAR.resolveSibling("cluster-lib.txt"));
        assertThat(listed).anyMatch(l -> l.contains("ai.djl.pytorch:pytorch-native-cpu:jar:linux-x86_64"))
                .anyMatch(l -> l.contains("org.bytedeco:javacv:jar")).anyMatch(l -> l.contains("com.microsoft.onnxruntime:onnxruntime:jar"));
    }
}
