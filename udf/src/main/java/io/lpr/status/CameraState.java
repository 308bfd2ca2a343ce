package io.lpr.status;

/** Where a camera stands; {@link #code()} is the value of its {@code state} metric. */
public enum CameraState {
    /** Opening its stream or file. */
    CONNECTING(0),
    /** Delivering frames. */
    CONNECTED(1),
    /** Waiting to retry after its live stream failed or dropped. */
    BACKOFF(2),
    /**
     * Failed in a way retrying will not fix: a file that cannot be read (the camera stops), or a
     * live stream refused for good (bad URL, 401, 404), retried at the slowest rate.
     */
    FAILED(3),
    /** Its file ended, or it was stopped. */
    FINISHED(4);

    private final int code;

    CameraState(int code) {
        this.code = code;
    }

    /** 0 connecting, 1 connected, 2 backoff, 3 failed, 4 finished. */
    public int code() {
        return code;
    }
}
