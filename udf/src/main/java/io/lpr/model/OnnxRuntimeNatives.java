package io.lpr.model;

import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.jar.JarEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives ONNX Runtime its native libraries from a cache folder beside DJL's own ({@code ~/.djl.ai/onnxruntime},
 * or {@code DJL_CACHE_DIR}), as DJL does for PyTorch's. Left to itself, ONNX Runtime unpacks them into a new
 * {@code onnxruntime-java*} folder under {@code java.io.tmpdir} in every process and leaves that folder behind.
 * The cache folder is named by the library's content (its CRC and size), so an upgraded jar gets a folder of
 * its own.
 */
public final class OnnxRuntimeNatives {
    /** ONNX Runtime's own switch: load the libraries from this folder instead of unpacking them. */
    static final String NATIVE_PATH = "onnxruntime.native.path";
    private static final String[] LIBRARIES = {"onnxruntime", "onnxruntime4j_jni"};
    private static final Logger LOG = LoggerFactory.getLogger(OnnxRuntimeNatives.class);

    private OnnxRuntimeNatives() {}

    /**
     * Points ONNX Runtime at the cached libraries, unpacking them there first when needed; call before the
     * first ONNX Runtime class is used. Does nothing when the folder is set already, or the platform's
     * libraries are not in the jar. When the cache cannot be written, ONNX Runtime unpacks as it would.
     */
    public static synchronized void useCache() {
        if (System.getProperty(NATIVE_PATH) != null) {
            return;
        }
        String platform = platform();
        String resourceDir = "ai/onnxruntime/native/" + platform + "/";
        ClassLoader loader = OnnxRuntimeNatives.class.getClassLoader();
        if (loader.getResource(resourceDir + System.mapLibraryName(LIBRARIES[0])) == null) {
            return;
        }
        try {
            Path dir = Utils.getEngineCacheDir("onnxruntime")
                    .resolve(platform + "-" + contentId(loader, resourceDir + System.mapLibraryName(LIBRARIES[0])));
            for (String library : LIBRARIES) {
                unpack(loader, resourceDir + System.mapLibraryName(library), dir.resolve(System.mapLibraryName(library)));
            }
            System.setProperty(NATIVE_PATH, dir.toString());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot cache ONNX Runtime's native libraries ({}); it unpacks them into {} instead",
                    e.getMessage(), System.getProperty("java.io.tmpdir"));
        }
    }

    /** ONNX Runtime's name for this platform's folder in its jar, e.g. linux-x64. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") ? "osx" : os.contains("win") ? "win" : "linux";
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
        return osName + "-" + archName;
    }

    /**
     * The library's identity without reading its megabytes at every start: the CRC and size its jar records;
     * outside a jar, the first 12 hex digits of its SHA-256.
     */
    private static String contentId(ClassLoader loader, String resource) throws IOException {
        URLConnection connection = loader.getResource(resource).openConnection();
        if (connection instanceof JarURLConnection jar && jar.getJarEntry().getCrc() >= 0) {
            JarEntry entry = jar.getJarEntry();
            return Long.toHexString(entry.getCrc()) + "-" + entry.getSize();
        }
        try (InputStream in = open(loader, resource)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Writes beside the target and renames, so processes starting together never load a half-written file. */
    private static void unpack(ClassLoader loader, String resource, Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = open(loader, resource)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("no " + resource + " on the class path");
        }
        return in;
    }
}
