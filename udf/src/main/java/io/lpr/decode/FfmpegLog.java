package io.lpr.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import io.lpr.camera.StreamUrls;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's own error messages to the job's log at debug level, URL passwords masked: the
 * source already reports every failure in one line of its own (with FFmpeg's last error where that
 * adds to it), and FFmpeg's messages can quote a camera's URL. Its banners (the streams of each file
 * opened or written, the OpenH264 encoder's warnings) stay off stderr unless {@link #verbose} asks for
 * them, as {@code lpr --verbose} does.
 */
public final class FfmpegLog extends LogCallback {
    private static final Logger LOG = LoggerFactory.getLogger("io.lpr.source.ffmpeg");
    private static final FfmpegLog INSTANCE = new FfmpegLog().retainReference();
    /** "[rtsp @ 0x55d0c1a2b3c0] " before each message. */
    private static final Pattern CONTEXT_PREFIX = Pattern.compile("^\\[[^\\]]* @ 0x[0-9a-f]+\\]\\s*");
    /** FFmpeg logs on the thread that called it: the last error of the current call. */
    private static final ThreadLocal<String> LAST_ERROR = new ThreadLocal<>();
    private static volatile boolean verbose;

    private FfmpegLog() {}

    /** Idempotent; replaces any other FFmpeg log callback of the process. */
    public static synchronized void install() {
        av_log_set_level(verbose ? AV_LOG_INFO : AV_LOG_ERROR);
        setLogCallback(INSTANCE);
    }

    /** Whether FFmpeg's messages up to its info level also go to stderr, as FFmpeg itself writes them; installs. */
    public static synchronized void verbose(boolean on) {
        verbose = on;
        install();
    }

    /** The last error FFmpeg logged on this thread since the previous call, masked, or null. */
    static String takeLastError() {
        String error = LAST_ERROR.get();
        LAST_ERROR.remove();
        return error;
    }

    @Override
    public void call(int level, BytePointer message) {
        if (verbose && level <= AV_LOG_INFO) {
            System.err.print(StreamUrls.mask(message.getString()));
        }
        if (level > AV_LOG_ERROR) {
            return;
        }
        String line = StreamUrls.mask(message.getString().trim());
        if (!line.isEmpty()) {
            LAST_ERROR.set(CONTEXT_PREFIX.matcher(line).replaceFirst(""));
            LOG.debug("FFmpeg: {}", line);
        }
    }
}
