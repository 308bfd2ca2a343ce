package io.lpr.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamUrlsTest {
    @Test
    void passwordsAreMaskedWhereverTheyAppear() {
        assertThat(StreamUrls.mask("rtsp://admin:s3cret@10.0.0.5:554/live"))
                .isEqualTo("rtsp://admin:***@10.0.0.5:554/live");
        // FFmpeg quotes URLs inside its messages; passwords may hold '@' and '/'.
        assertThat(StreamUrls.mask("Could not open input \"rtsp://admin:p@ss/w0rd@cam:554/s\". (Has setFormat())"))
                .isEqualTo("Could not open input \"rtsp://admin:***@cam:554/s\". (Has setFormat())");
        assertThat(StreamUrls.mask("a http://u:x@h/1 and https://v:y@g/2"))
                .isEqualTo("a http://u:***@h/1 and https://v:***@g/2");
        assertThat(StreamUrls.mask("http://cam/snap.cgi?user=admin&password=secret&chan=1"))
                .isEqualTo("http://cam/snap.cgi?user=admin&password=***&chan=1");
        assertThat(StreamUrls.mask("rtsp://cam/s?token=abc;pwd=def")).isEqualTo("rtsp://cam/s?token=***;pwd=***");
        assertThat(StreamUrls.mask("rtsp://10.0.0.5/live")).isEqualTo("rtsp://10.0.0.5/live");
        assertThat(StreamUrls.mask("rtsp://viewer@10.0.0.5/live")).isEqualTo("rtsp://viewer@10.0.0.5/live");
        assertThat(StreamUrls.mask("/videos/a:b@c.mp4")).isEqualTo("/videos/a:b@c.mp4");
        assertThat(StreamUrls.mask(null)).isNull();
    }

    @Test
    void environmentReferencesResolveOnlyOnRequest() {
        Map<String, String> env = Map.of("CAM_PASS", "s3cret$1", "CAM_HOST", "10.0.0.5");
        String url = "rtsp://admin:${CAM_PASS}@${CAM_HOST}/live";
        assertThat(StreamUrls.hasEnvReferences(url)).isTrue();
        assertThat(StreamUrls.hasEnvReferences("rtsp://admin:pa$$@cam/live")).isFalse();
        assertThat(StreamUrls.resolve(url, env::get)).isEqualTo("rtsp://admin:s3cret$1@10.0.0.5/live");
        assertThat(StreamUrls.resolve("/videos/a.mp4", env::get)).isEqualTo("/videos/a.mp4");
        assertThatThrownBy(() -> StreamUrls.resolve("rtsp://admin:${NOPE}@cam/live", env::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment variable NOPE is not set");
    }
}
