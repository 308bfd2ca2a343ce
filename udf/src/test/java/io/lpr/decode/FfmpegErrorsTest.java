package io.lpr.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_OTHER_4XX;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;

import org.junit.jupiter.api.Test;

class FfmpegErrorsTest {
    private static String grabberMessage(int code) {
        return "avformat_open_input() error " + code + ": Could not open input \"rtsp://127.0.0.1/x\".\nmore";
    }

    @Test
    void notFoundUnauthorizedAndUnparsableUrlsArePermanent() {
        assertThat(FfmpegErrors.isPermanent(grabberMessage(AVERROR_HTTP_NOT_FOUND))).isTrue();
        assertThat(FfmpegErrors.isPermanent(grabberMessage(AVERROR_HTTP_UNAUTHORIZED))).isTrue();
        assertThat(FfmpegErrors.isPermanent(grabberMessage(-22))).isTrue();
    }

    @Test
    void refusedConnectionsTimeoutsAndMessagesWithoutACodeAreWorthRetrying() {
        assertThat(FfmpegErrors.isPermanent(grabberMessage(-111))).isFalse();   // ECONNREFUSED
        assertThat(FfmpegErrors.isPermanent(grabberMessage(-110))).isFalse();   // ETIMEDOUT
        assertThat(FfmpegErrors.isPermanent("something went wrong")).isFalse();
        assertThat(FfmpegErrors.isPermanent(null)).isFalse();
    }

    @Test
    void describesACodeInFfmpegsOwnWords() {
        assertThat(FfmpegErrors.describe(grabberMessage(AVERROR_HTTP_NOT_FOUND), null)).isEqualTo("Server returned 404 Not Found");
        assertThat(FfmpegErrors.describe(grabberMessage(-111), "ignored")).isEqualTo("Connection refused");
    }

    @Test
    void aVagueCodeGetsFfmpegsLoggedLineAndNoCodeGetsItInstead() {
        assertThat(FfmpegErrors.describe(grabberMessage(AVERROR_HTTP_OTHER_4XX), "method DESCRIBE failed: 454 Session Not Found"))
                .endsWith("(method DESCRIBE failed: 454 Session Not Found)");
        assertThat(FfmpegErrors.describe("no code here\nsecond line", "the logged line")).isEqualTo("the logged line");
        assertThat(FfmpegErrors.describe("no code here\nsecond line", null)).isEqualTo("no code here");
    }
}
