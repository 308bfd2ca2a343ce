package io.lpr.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real RTSP server on 127.0.0.1 for tests: GStreamer's, run by {@code rtsp/serve.py} with
 * Debian's python3, serving a clip as a looping live stream. Closing it kills the process tree.
 * Without the GStreamer packages the tests using it fail with one line naming them.
 */
public final class RtspServer implements AutoCloseable {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final String PACKAGES = "python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base "
            + "gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-tools";
    private static final long START_TIMEOUT_MS = 20_000;
    private static Boolean available;
    private static Path copiedScript;

    private final Path clip;
    private final String mount;
    private final int port;
    private final List<String> credentials;
    private final Path log;
    private Process process;

    private RtspServer(Path clip, String mount, int port, List<String> credentials) throws IOException {
        this.clip = clip;
        this.mount = mount;
        this.port = port;
        this.credentials = credentials;
        this.log = Files.createTempFile("rtsp-server-", ".log");
    }

    /**
     * Checked once, before the first server starts: without GStreamer's RTSP server the tests that need it
     * fail with this one line (a skipped test would pass for one that never ran).
     */
    public static synchronized void requireAvailable() {
        if (available == null) {
            available = probe();
        }
        if (!available) {
            throw new AssertionError("GStreamer's RTSP server for Python is missing: apt-get install " + PACKAGES
                    + " (./test installs them)");
        }
    }

    private static boolean probe() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process check = new ProcessBuilder(PYTHON.toString(), "-c",
                    "import gi; gi.require_version('Gst', '1.0'); gi.require_version('GstRtspServer', '1.0'); "
                            + "from gi.repository import Gst, GstRtspServer")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Serves {@code clip} at rtsp://127.0.0.1:PORT/MOUNT on a free port. */
    public static RtspServer start(Path clip, String mount) throws IOException {
        return start(clip, mount, List.of());
    }

    /** Like {@link #start(Path, String)}, requiring HTTP basic authentication as user/password. */
    public static RtspServer startWithAuth(Path clip, String mount, String user, String password) throws IOException {
        return start(clip, mount, List.of(user, password));
    }

    private static RtspServer start(Path clip, String mount, List<String> credentials) throws IOException {
        requireAvailable();
        RtspServer server = new RtspServer(clip, mount, freePort(), credentials);
        server.start();
        return server;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** (Re)starts the server on its port; returns once it accepts connections. */
    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the RTSP server on port " + port + " is running");
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script().toString(),
                Integer.toString(port), "/" + mount, clip.toString()));
        command.addAll(credentials);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!accepts()) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                stop();
                throw new IOException("the RTSP server did not start on port " + port + ": "
                        + Files.readString(log, StandardCharsets.UTF_8).trim());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the RTSP server", e);
            }
        }
    }

    /** Kills the server at once, as a crashing camera would go. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Freezes (SIGSTOP) or thaws (SIGCONT) the server: a frozen server answers nothing but keeps its sockets. */
    public void freeze(boolean frozen) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("could not " + (frozen ? "freeze" : "thaw") + " the RTSP server");
        }
    }

    public int port() {
        return port;
    }

    /** rtsp://127.0.0.1:PORT/MOUNT */
    public String url() {
        return "rtsp://127.0.0.1:" + port + "/" + mount;
    }

    /** rtsp://USER:PASSWORD@127.0.0.1:PORT/MOUNT */
    public String url(String user, String password) {
        return "rtsp://" + user + ":" + password + "@127.0.0.1:" + port + "/" + mount;
    }

    @Override
    public void close() throws IOException {
        stop();
        Files.deleteIfExists(log);
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The server script: a file in this module's test classes, or copied out of its test jar (other modules). */
    private static synchronized Path script() throws IOException {
        java.net.URL script = RtspServer.class.getResource("/rtsp/serve.py");
        if (script == null) {
            throw new IOException("rtsp/serve.py is not on the test classpath");
        }
        if (script.getProtocol().equals("file")) {
            try {
                return Path.of(script.toURI());
            } catch (URISyntaxException e) {
                throw new IOException("rtsp/serve.py is not a file: " + script, e);
            }
        }
        if (copiedScript == null) {
            Path copy = Files.createTempFile("lpr-rtsp-serve", ".py");
            copy.toFile().deleteOnExit();
            try (var in = script.openStream()) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            copiedScript = copy;
        }
        return copiedScript;
    }
}
