package io.lpr.testing;

import io.lpr.db.Database;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real, throw-away PostgreSQL server for a test class: the server programs Maven ships
 * ({@link PostgresBinaries}; where they do not fit the platform, Debian's under {@code /usr/lib/postgresql/N/bin}
 * or initdb/pg_ctl on PATH) run a fresh cluster in a temp dir, listening on 127.0.0.1 only, on a free port, with
 * password (SCRAM) authentication. Use it as {@code @RegisterExtension static final PostgresServer PG = new
 * PostgresServer();}.
 *
 * <p>PostgreSQL refuses to run as root; as root the cluster runs via {@code runuser} as the first existing user
 * of {@value #OS_USER_ENV} (if set), {@code postgres} (created by Debian's postgresql package), {@code lpr-pg}
 * or {@code nobody}. Without binaries or such a user the tests fail, with one line saying what is missing:
 * they are never skipped.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {
    public static final String OS_USER_ENV = "LPR_PG_OS_USER";
    private static final List<String> OS_USERS = List.of("postgres", "lpr-pg", "nobody");
    private static final String USER = "lpr";
    private static final long COMMAND_TIMEOUT_S = 120;

    private final AtomicInteger databases = new AtomicInteger();
    private Path dir;
    private Path data;
    private Path bin;
    private String osUser;
    private String password;
    private int port;
    private Thread shutdownHook;

    /** A new, empty database on this server, for one test. */
    public String newDatabase() {
        String name = "lpr_test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, password);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /**
     * A new, empty database reached the way the job reaches its own: no password in the URL, the password read
     * from {@value Database#DEFAULT_PASSWORD_ENV} when connecting (the build sets it for the tests, and this
     * server was initialised with it).
     */
    public Database newJobDatabase() {
        return Database.resolve(newDatabase(), USER, null);
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Optional<Path> binaries = PostgresBinaries.fromMaven().or(PostgresServer::findInstalledBinaries);
        if (binaries.isEmpty()) {
            unavailable("PostgreSQL server binaries (initdb, pg_ctl): Maven's are for linux-amd64 only, and none "
                    + "were found under /usr/lib/postgresql/*/bin or on PATH; install them, e.g. apt-get install -y postgresql");
        }
        bin = binaries.get();
        if ("root".equals(System.getProperty("user.name"))) {
            osUser = unprivilegedUser().orElse(null);
            if (osUser == null) {
                unavailable("PostgreSQL refuses to run as root and none of the users " + OS_USERS
                        + " exists; create one, e.g. useradd --system --no-create-home lpr-pg");
            }
        }
        dir = Files.createTempDirectory("lpr-pg-");
        data = dir.resolve("data");
        password = System.getenv(Database.DEFAULT_PASSWORD_ENV);
        if (password == null || password.isBlank()) {
            byte[] secret = new byte[12];
            new SecureRandom().nextBytes(secret);
            password = HexFormat.of().formatHex(secret);
        }
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
        if (osUser != null) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser);
            Files.setOwner(dir, owner);
            Files.setOwner(pwfile, owner);
        }
        shutdownHook = new Thread(this::stop, "stop test PostgreSQL");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        run("initdb", "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile, "--auth=scram-sha-256",
                "--encoding=UTF8", "--no-locale", "--no-sync");
        Files.delete(pwfile);
        port = freePort();
        // Durability is worthless for a throw-away cluster; skipping fsync keeps the tests fast.
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        run("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-o", options,
                "-w", "-t", "60", "start");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shutdownHook != null) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        stop();
    }

    private synchronized void stop() {
        if (dir == null) {
            return;
        }
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop test PostgreSQL in " + dir + ": " + e.getMessage(), e);
        } finally {
            dir = null;
        }
    }

    /** Runs a PostgreSQL program (as {@link #osUser} when we are root); fails with its output. */
    private void run(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (osUser != null) {
            command.addAll(List.of(runuser(), "-u", osUser, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(Arrays.asList(args));
        // Output goes to a file, not a pipe: the server started by pg_ctl would hold a pipe open.
        Path output = Files.createTempFile("lpr-pg-" + program, ".log");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish in " + COMMAND_TIMEOUT_S + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                        + ":\n" + Files.readString(output) + serverLog());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + program, e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String serverLog() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
    }

    private static Optional<Path> findInstalledBinaries() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(PostgresServer::hasServerPrograms)
                        .max(Comparator.comparingInt(PostgresServer::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + debian + ": " + e.getMessage(), e);
            }
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .filter(PostgresServer::hasServerPrograms)
                .findFirst();
    }

    private static boolean hasServerPrograms(Path dir) {
        return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<String> unprivilegedUser() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv(OS_USER_ENV);
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(OS_USERS);
        for (String name : candidates) {
            try {
                Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
                return Optional.of(name);
            } catch (UserPrincipalNotFoundException e) {
                // try the next one
            } catch (IOException e) {
                throw new IllegalStateException("cannot look up user " + name + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    private static String runuser() {
        return Stream.of("/usr/sbin/runuser", "/sbin/runuser")
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElse("runuser");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A test that needs PostgreSQL fails without it: a skipped test would pass for one that never ran. */
    private static void unavailable(String reason) {
        throw new IllegalStateException(reason);
    }
}
