package io.lpr.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives ONNX Runtime its native libraries from the per-user {@link NativeCache} ({@code ~/.djl.ai/onnxruntime}),
 * as DJL does for PyTorch's. Left to itself, ONNX Runtime unpacks them into a new {@code onnxruntime-java*}
 * folder under {@code java.io.tmpdir} in every process.
 *
 * <p>Even when loading from the cache, ONNX Runtime (1.21) creates that folder (for provider libraries it
 * might unpack later) and only marks it for deletion at exit, so {@code kill -9} left it behind, empty. So
 * ONNX Runtime is loaded here, at once, and the empty folder removed: nothing of it stays in the temp folder
 * beyond the moment of loading. The GPU build, which unpacks its CUDA provider into that folder later, keeps it.
 */
public final class OnnxRuntimeNatives {
    /** ONNX Runtime's own switch: load the libraries from this folder instead of unpacking them. */
    static final String NATIVE_PATH = "onnxruntime.native.path";
    private static final String[] LIBRARIES = {"onnxruntime", "onnxruntime4j_jni"};
    /** Present in the builds that unpack provider libraries (CUDA, TensorRT, ...) into ONNX Runtime's temp folder. */
    private static final String SHARED_PROVIDER = "onnxruntime_providers_shared";
    private static final Logger LOG = LoggerFactory.getLogger(OnnxRuntimeNatives.class);
    private static boolean done;

    private OnnxRuntimeNatives() {}

    /**
     * Points ONNX Runtime at the cached libraries, unpacking them there first when needed, and loads it; call
     * before the first ONNX Runtime class is used; later calls do nothing. A folder set already
     * ({@value #NATIVE_PATH}) is kept. Does nothing when the platform's libraries are not in the jar. When the
     * cache cannot be written, ONNX Runtime unpacks as it would.
     */
    public static synchronized void useCache() {
        if (done) {
            return;
        }
        done = true;
        String platform = platform();
        String resourceDir = "ai/onnxruntime/native/" + platform + "/";
        ClassLoader loader = OnnxRuntimeNatives.class.getClassLoader();
        if (loader.getResource(resourceDir + System.mapLibraryName(LIBRARIES[0])) == null) {
            return;
        }
        if (System.getProperty(NATIVE_PATH) == null) { // else the user chose where the libraries come from
            try {
                List<String> files = Arrays.stream(LIBRARIES).map(System::mapLibraryName).toList();
                Path dir = NativeCache.unpack("onnxruntime", platform, loader, resourceDir, files);
                System.setProperty(NATIVE_PATH, dir.toString());
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("cannot cache ONNX Runtime's native libraries ({}); it unpacks them into {} instead",
                        e.getMessage(), System.getProperty("java.io.tmpdir"));
                return;
            }
        }
        if (loader.getResource(resourceDir + System.mapLibraryName(SHARED_PROVIDER)) == null) {
            loadAndRemoveTempFolder(loader);
        }
    }

    /**
     * Loads ONNX Runtime now and deletes the temp folder it made while loading (empty: the libraries came from
     * the cache). Both are package-private in ONNX Runtime, hence reflection; should a later version change
     * them, the folder is left as before, to be deleted at a normal exit.
     */
    private static void loadAndRemoveTempFolder(ClassLoader loader) {
        try {
            Class<?> runtime = Class.forName("ai.onnxruntime.OnnxRuntime", true, loader);
            Method init = runtime.getDeclaredMethod("init");
            init.setAccessible(true);
            init.invoke(null);
            Field tempDirectory = runtime.getDeclaredField("tempDirectory");
            tempDirectory.setAccessible(true);
            if (tempDirectory.get(null) instanceof Path folder) {
                Files.deleteIfExists(folder);
                LOG.debug("removed ONNX Runtime's empty temp folder {}", folder);
            }
        } catch (InvocationTargetException e) {
            // Loading failed; the detector's own first use of ONNX Runtime reports why.
            LOG.debug("ONNX Runtime did not load", e.getCause());
        } catch (DirectoryNotEmptyException e) {
            LOG.debug("ONNX Runtime's temp folder {} is in use; it is deleted at exit", e.getFile());
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            LOG.debug("cannot remove ONNX Runtime's temp folder; it is deleted at exit", e);
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
}
