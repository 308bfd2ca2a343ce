package io.lpr.source.reader;

import io.lpr.event.Frame;

/**
 * One camera's frames for {@link CameraSplitReader}, one analysed frame at a time: {@link FileFeed} decodes a
 * file on the fetcher's thread, {@link LiveFeed} takes the newest picture of a stream decoded on its own.
 */
interface CameraFeed extends AutoCloseable {
    /** The next frame to hand on, or null when none is ready this time (or the camera ended: {@link #endReason()}). */
    Frame poll();

    /** Why the camera's split is to finish; null while it goes on. */
    String endReason();

    @Override
    void close();
}
