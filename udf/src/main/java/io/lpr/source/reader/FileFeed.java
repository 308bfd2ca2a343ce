package io.lpr.source.reader;

import io.lpr.decode.VideoDecoder;
import io.lpr.event.Frame;
import io.lpr.source.split.CameraSplit;
import io.lpr.status.CameraMetrics;
import io.lpr.status.CameraState;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video file, decoded on the fetcher's thread, so a slow job holds it back (files are never dropped). One that
 * cannot be opened is logged in one line and ends. Played in real time when the camera asks for it.
 */
final class FileFeed implements CameraFeed {
    private static final Logger LOG = LoggerFactory.getLogger(FileFeed.class);

    private final CameraSplit split;
    private final CameraMetrics metrics;
    private final CameraReports reports;
    private final ReaderSignals signals;
    private VideoDecoder decoder;
    /** A decoded frame held back until its time has come (realtime playback). */
    private Frame due;
    private long realtimeStartWall = -1;
    private long realtimeStartEvent;
    private String endReason;

    FileFeed(CameraSplit split, CameraMetrics metrics, CameraReports reports, ReaderSignals signals) {
        this.split = split;
        this.metrics = metrics;
        this.reports = reports;
        this.signals = signals;
    }

    @Override
    public Frame poll() {
        if (decoder == null && !open()) {
            return null;
        }
        while (due == null && !signals.isWokenUp()) {
            due = decoder.poll();
            if (due == null && decoder.isEndOfStream()) {
                String end = "end of video after " + metrics.framesDecoded() + " frames (" + metrics.framesAnalysed()
                        + " analysed, " + metrics.decodeErrors() + " undecodable)";
                LOG.info("camera {}: {}", split.splitId(), end);
                endReason = decoder.endReason() == null ? end : decoder.endReason();
                return null;
            }
        }
        if (due == null || (split.camera().realtime() && !awaitDue(due))) {
            return null;
        }
        Frame frame = due;
        due = null;
        return frame;
    }

    @Override
    public String endReason() {
        return endReason;
    }

    private boolean open() {
        report(CameraState.CONNECTING, null);
        try {
            decoder = VideoDecoder.open(split.camera(), split.lastEmittedSequence(), metrics);
        } catch (IOException e) {
            LOG.error("{}; this camera stops, the others go on", e.getMessage());
            report(CameraState.FAILED, e.getMessage());
            endReason = e.getMessage();
            return false;
        }
        report(CameraState.CONNECTED, null);
        return true;
    }

    /** Waits until the frame's place in the video's own timeline; false when woken up first. */
    private boolean awaitDue(Frame frame) {
        if (realtimeStartWall < 0) {
            realtimeStartWall = System.currentTimeMillis();
            realtimeStartEvent = frame.eventTime;
        }
        return signals.sleepUntil(realtimeStartWall + (frame.eventTime - realtimeStartEvent));
    }

    private void report(CameraState state, String reason) {
        reports.changed(split.splitId(), state, reason, System.currentTimeMillis());
    }

    @Override
    public void close() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        due = null;
    }
}
