package io.lpr.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fetcher thread's waits end on the signal they wait for, and on nothing else but their deadline. */
class ReaderSignalsTest {
    private static final long FAR = 60_000;

    @Test
    void aPictureEndsTheWaitForOneAndIsTakenOnce() throws Exception {
        ReaderSignals signals = new ReaderSignals();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(
                () -> signals.awaitPicture(System.currentTimeMillis() + FAR));
        signals.pictureReady();
        assertThat(waiting.get(FAR, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(signals.awaitPicture(System.currentTimeMillis())).as("already taken").isFalse();
    }

    @Test
    void aChangeOfStateEndsTheWaitWithoutAPicture() throws Exception {
        ReaderSignals signals = new ReaderSignals();
        signals.pictureReady();
        signals.statusChanged();
        assertThat(signals.awaitPicture(System.currentTimeMillis() + FAR)).isFalse();
    }

    @Test
    void aStopEndsASleepEarlyAndIsReportedOnceByTheNextFetch() throws Exception {
        ReaderSignals signals = new ReaderSignals();
        CompletableFuture<Boolean> sleeping = CompletableFuture.supplyAsync(
                () -> signals.sleepUntil(System.currentTimeMillis() + FAR));
        signals.stop();
        assertThat(sleeping.get(FAR, TimeUnit.MILLISECONDS)).as("woken before its time").isFalse();
        assertThat(signals.beginFetch()).isTrue();
        assertThat(signals.beginFetch()).isFalse();
    }

    @Test
    void aWakeUpEndsWaitsUntilTheNextFetchForgetsIt() {
        ReaderSignals signals = new ReaderSignals();
        signals.wakeUp();
        assertThat(signals.isWokenUp()).isTrue();
        assertThat(signals.sleepUntil(System.currentTimeMillis() + FAR)).isFalse();
        assertThat(signals.beginFetch()).as("not a stop").isFalse();
        assertThat(signals.isWokenUp()).isFalse();
        assertThat(signals.sleepUntil(System.currentTimeMillis() - 1)).as("a deadline already passed").isTrue();
    }

    @Test
    void pauseAndResume() {
        ReaderSignals signals = new ReaderSignals();
        signals.paused(true);
        assertThat(signals.isPaused()).isTrue();
        signals.paused(false);
        assertThat(signals.isPaused()).isFalse();
    }
}
