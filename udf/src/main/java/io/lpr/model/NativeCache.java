package io.lpr.model;

import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;

/**
 * A per-user cache folder for the native libraries that jars carry (ONNX Runtime's, SQLite's), beside DJL's
 * own ({@code ~/.djl.ai/NAME}, or under {@code DJL_CACHE_DIR}). Left to themselves, those drivers unpack their
 * libraries into {@code java.io.tmpdir} in every process and delete them only at a normal exit, so each
 * {@code kill -9} leaves a megabyte or more in {@code /tmp}. Unpacked here once, the libraries are loaded in
 * place and nothing is written per process. The folder is named by the library's content (its CRC and size),
 * so an upgraded jar gets a folder of its own.
 */
public final class NativeCache {
    private NativeCache() {}

    /**
     * The cache folder holding {@code files} of {@code resourceDir}, unpacked there first when missing.
     *
     * @param name the cache's subfolder, e.g. {@code onnxruntime}
     * @param platform names the platform in the folder's name, e.g. {@code linux-x64}
     * @param resourceDir the class-path folder of the libraries, ending with {@code /}, no leading {@code /}
     * @param files the libraries' file names; the first one's content names the folder
     * @throws IOException when a library is not on the class path or the cache cannot be written
     */
    public static Path unpack(String name, String platform, ClassLoader loader, String resourceDir, List<String> files)
            throws IOException {
        Path dir = Utils.getEngineCacheDir(name).resolve(platform + "-" + contentId(loader, resourceDir + files.get(0)));
        for (String file : files) {
            unpack(loader, resourceDir + file, dir.resolve(file));
        }
        return dir;
    }

    /**
     * The library's identity without reading its megabytes at every start: the CRC and size its jar records;
     * outside a jar, the first 12 hex digits of its SHA-256.
     */
    private static String contentId(ClassLoader loader, String resource) throws IOException {
        URLConnection connection = resource(loader, resource).openConnection();
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

    private static URL resource(ClassLoader loader, String resource) throws IOException {
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IOException("no " + resource + " on the class path");
        }
        return url;
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("no " + resource + " on the class path");
        }
        return in;
    }
}
