package io.lpr.decode;

import static io.lpr.util.Messages.firstLine;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_DECODER_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_DEMUXER_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_BAD_REQUEST;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_FORBIDDEN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_OTHER_4XX;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_SERVER_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_PROTOCOL_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_STREAM_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an FFmpeg failure means: whether retrying soon can help (a 404, 401 or a URL FFmpeg cannot
 * parse will not), and FFmpeg's own words for it. JavaCV puts FFmpeg's error code into its
 * exception message ("... error -1094995529 ..."), which is all there is to go on.
 */
final class FfmpegErrors {
    private static final Pattern FFMPEG_ERROR = Pattern.compile("error (-?\\d+)");
    private static final Set<Integer> PERMANENT = Set.of(AVERROR_HTTP_BAD_REQUEST, AVERROR_HTTP_UNAUTHORIZED,
            AVERROR_HTTP_FORBIDDEN, AVERROR_HTTP_NOT_FOUND, AVERROR_HTTP_OTHER_4XX, AVERROR_INVALIDDATA,
            AVERROR_PROTOCOL_NOT_FOUND, AVERROR_DEMUXER_NOT_FOUND, AVERROR_DECODER_NOT_FOUND,
            AVERROR_STREAM_NOT_FOUND, -22 /* EINVAL: a URL FFmpeg cannot parse */);
    /** Codes whose text says too little without FFmpeg's own line, e.g. the 454 behind "4XX". */
    private static final Set<Integer> VAGUE = Set.of(AVERROR_HTTP_OTHER_4XX, AVERROR_HTTP_SERVER_ERROR);

    private FfmpegErrors() {}

    /** Whether the failure described by a JavaCV message will recur however often the stream is reopened. */
    static boolean isPermanent(String message) {
        Integer code = errorCode(message);
        return code != null && PERMANENT.contains(code);
    }

    /** The FFmpeg error code in a JavaCV message, or null. */
    static Integer errorCode(String message) {
        Matcher code = FFMPEG_ERROR.matcher(firstLine(message));
        try {
            return code.find() ? Integer.valueOf(code.group(1)) : null;
        } catch (NumberFormatException notAnErrorCode) {
            return null;
        }
    }

    /**
     * FFmpeg's own words for the error code in a JavaCV message, e.g. "Server returned 404 Not Found",
     * with FFmpeg's last logged error where the code alone says too little or there is no code.
     *
     * @param loggedError FFmpeg's last logged error line, or null to leave it out
     */
    static String describe(String message, String loggedError) {
        Integer code = errorCode(message);
        if (code == null) {
            return loggedError != null ? loggedError : firstLine(message);
        }
        byte[] text = new byte[256];
        if (av_strerror(code, text, text.length) < 0) {
            return firstLine(message);
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        String described = new String(text, 0, end, StandardCharsets.UTF_8);
        return loggedError != null && VAGUE.contains(code) ? described + " (" + loggedError + ")" : described;
    }
}
