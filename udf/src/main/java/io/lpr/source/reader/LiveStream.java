package io.lpr.source.reader;

import io.lpr.camera.CameraSpec;
import io.lpr.camera.StreamUrls;
import io.lpr.decode.Picture;
import io.lpr.decode.StreamException;
import io.lpr.decode.VideoDecoder;
import io.lpr.status.CameraMetrics;
import io.lpr.status.CameraState;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one live camera's stream open and decoded on its own thread, whatever downstream does:
 * it reconnects with backoff when the stream fails to open or drops, and holds only the newest
 * kept picture. A picture downstream has not taken by the time the next one is decoded is
 * dropped (and counted), so a slow job never builds a backlog of old frames, in memory or in
 * the network buffers.
 *
 * <p>Failures are logged once per outage (and once more when the reason changes), permanent ones
 * (bad URL, 401, 404) as errors retried at the slowest rate; every change of state goes to the
 * {@link Listener}. Closing stops the thread after its current read, at most the camera's timeout
 * later; the thread then releases the stream itself.
 */
final class LiveStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);

    /** Told, on the stream's thread, about new pictures and changes of state. */
    interface Listener {
        void pictureReady();

        /** @param reason null when connected */
        void stateChanged(CameraState state, String reason, long sinceMillis);
    }

    private final CameraSpec camera;
    private final CameraMetrics metrics;
    private final Listener listener;
    private final Backoff backoff;
    private final Thread thread;
    /** Guards {@link #newest} and {@link #stopped}; backoff waits on it. */
    private final Object lock = new Object();
    private Picture newest;
    private boolean stopped;

    private long lastSequence;
    private long lastEventTime = Long.MIN_VALUE;
    private CameraState state;
    private String reason;
    private long outageStartMillis;

    /** @param lastSequence the last frame number used: frames are numbered on from it */
    LiveStream(CameraSpec camera, long lastSequence, CameraMetrics metrics, Listener listener) {
        this.camera = camera;
        this.lastSequence = lastSequence;
        this.metrics = metrics;
        this.listener = listener;
        this.backoff = new Backoff(camera.reconnect(), () -> ThreadLocalRandom.current().nextDouble());
        this.thread = new Thread(this::run, "camera " + camera.id());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The newest picture not taken yet (the caller closes it), or null. */
    Picture takeNewest() {
        synchronized (lock) {
            Picture picture = newest;
            newest = null;
            return picture;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            stopped = true;
            if (newest != null) {
                newest.close();
                newest = null;
            }
            lock.notifyAll();
        }
    }

    private boolean isStopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    private void run() {
        enter(CameraState.CONNECTING, null);
        while (!isStopped()) {
            String failure;
            boolean permanent = false;
            try {
                failure = stream();
            } catch (StreamException e) {
                failure = withoutCameraPrefix(e.getMessage());
                permanent = e.isPermanent();
            } catch (RuntimeException e) {
                // A bug, not the camera: still never the end of this camera, nor of the job.
                failure = "unexpected error: " + StreamUrls.mask(String.valueOf(e));
            }
            if (failure != null && !isStopped()) {
                failed(failure, permanent);
            }
        }
    }

    /**
     * Opens the stream and decodes it until it ends or the camera is stopped.
     *
     * @return why the stream ended, or null when the camera was stopped
     */
    private String stream() throws StreamException {
        try (VideoDecoder decoder = VideoDecoder.openLive(camera, lastSequence, lastEventTime, metrics)) {
            connected();
            try {
                while (!isStopped() && !decoder.isEndOfStream()) {
                    Picture picture = decoder.grab();
                    if (picture != null) {
                        offer(picture);
                    }
                }
            } finally {
                // The next connection numbers and times its frames after this one's.
                lastSequence = decoder.lastSequence();
                lastEventTime = decoder.lastEventTime();
            }
            return isStopped() ? null : camera.maskedUrl() + ": " + decoder.endReason();
        }
    }

    private void offer(Picture picture) {
        synchronized (lock) {
            if (stopped) {
                picture.close();
                return;
            }
            if (newest != null) {
                newest.close();
                metrics.frameDropped();
            }
            newest = picture;
        }
        listener.pictureReady();
    }

    private void connected() {
        if (backoff.failures() > 0) {
            metrics.reconnected();
            LOG.info("camera {}: connected again after {} s and {} failed attempts", camera.id(),
                    (System.currentTimeMillis() - outageStartMillis) / 1000.0, backoff.failures());
        } else {
            LOG.info("camera {}: connected to {}", camera.id(), camera.maskedUrl());
        }
        backoff.reset();
        enter(CameraState.CONNECTED, null);
    }

    private String withoutCameraPrefix(String message) {
        String prefix = "camera " + camera.id() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Logs the failure once per outage and reason, then waits out the backoff delay. */
    private void failed(String why, boolean permanent) {
        long delay = backoff.nextDelayMillis(permanent);
        if (backoff.failures() == 1) {
            outageStartMillis = System.currentTimeMillis();
        }
        CameraState next = permanent ? CameraState.FAILED : CameraState.BACKOFF;
        if (!why.equals(reason)) {
            if (permanent) {
                LOG.error("camera {}: {}; retrying every {} s, this will not recover by itself", camera.id(), why,
                        camera.reconnect().maxDelay().toMillis() / 1000.0);
            } else {
                LOG.warn("camera {}: {}; reconnecting, next attempt in {} ms", camera.id(), why, delay);
            }
        } else {
            LOG.debug("camera {}: {}; attempt {} failed, next in {} ms", camera.id(), why, backoff.failures(), delay);
        }
        if (next != state || !why.equals(reason)) {
            enter(next, why);
        }
        synchronized (lock) {
            long until = System.currentTimeMillis() + delay;
            try {
                for (long left = delay; left > 0 && !stopped; left = until - System.currentTimeMillis()) {
                    lock.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }

    private void enter(CameraState newState, String why) {
        state = newState;
        reason = why;
        listener.stateChanged(newState, why, System.currentTimeMillis());
    }
}
