package io.lpr.decode;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A decoded picture kept for analysis but not converted yet: a new reference to the decoder's
 * buffers (no pixels copied), so the decoder can go on while the picture waits to be converted,
 * or is dropped. Must be closed.
 */
public final class Picture implements AutoCloseable {
    private AVFrame frame;
    private final long sequence;
    private final long eventTime;

    Picture(AVFrame decoded, long sequence, long eventTime) {
        this.frame = av_frame_clone(decoded);
        if (frame == null) {
            throw new IllegalStateException("out of memory: cannot reference a decoded picture");
        }
        this.sequence = sequence;
        this.eventTime = eventTime;
    }

    public AVFrame frame() {
        return frame;
    }

    public long sequence() {
        return sequence;
    }

    public long eventTime() {
        return eventTime;
    }

    @Override
    public void close() {
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
    }
}
