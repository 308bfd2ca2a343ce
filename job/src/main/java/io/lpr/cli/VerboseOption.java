package io.lpr.cli;

import io.lpr.decode.FfmpegLog;
import picocli.CommandLine.Option;

/** {@code --verbose}, for the commands that write or read video: FFmpeg's and OpenH264's own log on stderr. */
public final class VerboseOption {
    // The default is applied too: FFmpeg goes quiet before the command makes or opens its first video.
    @Option(names = "--verbose", defaultValue = "false", description = "Also show FFmpeg's and the H.264 encoder's own log (stream details, "
            + "encoder warnings) on stderr.")
    void verbose(boolean on) {
        FfmpegLog.verbose(on);
    }
}
