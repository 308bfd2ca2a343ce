package io.lpr.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The native-bearing libraries the job jar leaves to the cluster: DJL with its PyTorch and ONNX Runtime
 * engines, ONNX Runtime, JavaCV/JavaCPP with FFmpeg, OpenCV and OpenBLAS, and their linux-x86_64 natives. A
 * JVM lets one class loader only load a native library, so they live in the cluster's {@code lib/} and load
 * parent-first (see {@code flink-conf/cluster/config.yaml}); the job jar has none of them. Checked when the
 * job starts, so a cluster without them says in one line what it lacks instead of failing on the first frame
 * with a {@code NoClassDefFoundError}. The jars are {@code job/target/cluster-lib/}, listed in
 * {@code job/target/cluster-lib.txt}.
 */
public final class ClusterLibraries {
    /** Artifact, and a class or resource only that artifact holds. */
    static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("ai.djl:api", "ai/djl/engine/Engine.class");
        REQUIRED.put("ai.djl.pytorch:pytorch-engine", "ai/djl/pytorch/engine/PtEngineProvider.class");
        REQUIRED.put("ai.djl.pytorch:pytorch-jni", "jnilib/pytorch.properties");
        REQUIRED.put("ai.djl.pytorch:pytorch-native-cpu:linux-x86_64", "pytorch/cpu/linux-x86_64/libtorch.so");
        REQUIRED.put("ai.djl.onnxruntime:onnxruntime-engine", "ai/djl/onnxruntime/engine/OrtEngineProvider.class");
        REQUIRED.put("com.microsoft.onnxruntime:onnxruntime", "ai/onnxruntime/native/linux-x64/libonnxruntime.so");
        REQUIRED.put("org.bytedeco:javacv", "org/bytedeco/javacv/FFmpegFrameGrabber.class");
        REQUIRED.put("org.bytedeco:javacpp", "org/bytedeco/javacpp/Loader.class");
        REQUIRED.put("org.bytedeco:javacpp:linux-x86_64", "org/bytedeco/javacpp/linux-x86_64/libjnijavacpp.so");
        REQUIRED.put("org.bytedeco:ffmpeg", "org/bytedeco/ffmpeg/global/avcodec.class");
        REQUIRED.put("org.bytedeco:ffmpeg:linux-x86_64", "org/bytedeco/ffmpeg/linux-x86_64/libjniavcodec.so");
        REQUIRED.put("org.bytedeco:opencv", "org/bytedeco/opencv/global/opencv_core.class");
        REQUIRED.put("org.bytedeco:opencv:linux-x86_64", "org/bytedeco/opencv/linux-x86_64/libjniopencv_core.so");
        REQUIRED.put("org.bytedeco:openblas", "org/bytedeco/openblas/global/openblas.class");
        REQUIRED.put("org.bytedeco:openblas:linux-x86_64", "org/bytedeco/openblas/linux-x86_64/libjniopenblas.so");
    }

    private ClusterLibraries() {}

    /** The artifacts of {@link #REQUIRED} this class loader cannot see. */
    public static List<String> missing(ClassLoader loader) {
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((artifact, entry) -> {
            if (loader.getResource(entry) == null) {
                missing.add(artifact);
            }
        });
        return missing;
    }

    /** Throws with one line naming what is missing, and where to get it, when the job cannot run here. */
    public static void require(ClassLoader loader) {
        List<String> missing = missing(loader);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("this Flink cluster lacks the job's native libraries in its lib/: "
                    + String.join(", ", missing) + " (put the jars of job/target/cluster-lib/, listed in"
                    + " job/target/cluster-lib.txt, in lib/ of every JobManager and TaskManager; see deploy/README.md)");
        }
    }
}
