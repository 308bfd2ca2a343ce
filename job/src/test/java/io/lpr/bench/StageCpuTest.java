package io.lpr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lpr.bench.StageCpu.Stage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Stage CPU accounting on a clock the test moves by hand: what each stage is charged, per item. */
class StageCpuTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final StageCpu cpu = new StageCpu(clock::get);

    @Test
    void eachSpanIsChargedToItsStageAndTheNextSpanStartsWhereItEnded() {
        long t = cpu.start();
        clock.addAndGet(3_000_000); // 3 ms decoding
        t = cpu.stop(Stage.DECODE, t);
        clock.addAndGet(10_000_000); // 10 ms finding plates
        t = cpu.stop(Stage.GUIDE, t);
        clock.addAndGet(1_000_000); // 1 ms decoding the next frame
        cpu.stop(Stage.DECODE, t);

        assertThat(cpu.nanos(Stage.DECODE)).isEqualTo(4_000_000);
        assertThat(cpu.nanos(Stage.GUIDE)).isEqualTo(10_000_000);
        assertThat(cpu.totalNanos()).isEqualTo(14_000_000);
        assertThat(cpu.msPer(Stage.DECODE, 2)).isEqualTo(2.0);
        assertThat(cpu.totalMsPer(2)).isEqualTo(7.0);
    }

    @Test
    void aStageTimedInsideAnotherIsMovedOutOfIt() {
        long t = cpu.start();
        clock.addAndGet(10_000_000);
        cpu.stop(Stage.GUIDE, t);

        cpu.move(Stage.GUIDE, Stage.DETECTOR, 8_000_000);

        assertThat(cpu.nanos(Stage.GUIDE)).isEqualTo(2_000_000);
        assertThat(cpu.nanos(Stage.DETECTOR)).isEqualTo(8_000_000);
        assertThat(cpu.totalNanos()).isEqualTo(10_000_000);
    }

    @Test
    void moreMovedThanTheSpanHeldLeavesNoStageNegative() {
        // A coarse clock (ticks) can read the inner span longer than the outer one.
        long t = cpu.start();
        clock.addAndGet(10_000_000);
        cpu.stop(Stage.GUIDE, t);

        cpu.move(Stage.GUIDE, Stage.DETECTOR, 20_000_000);

        assertThat(cpu.nanos(Stage.GUIDE)).isZero();
        assertThat(cpu.nanos(Stage.DETECTOR)).isEqualTo(10_000_000);
    }

    @Test
    void aClockThatStepsBackChargesNothing() {
        long t = cpu.start();
        clock.addAndGet(-5);
        cpu.stop(Stage.RECOGNISER, t);

        assertThat(cpu.nanos(Stage.RECOGNISER)).isZero();
    }

    @Test
    void theProcessClockCountsWorkOnOtherThreads() throws Exception {
        StageCpu process = StageCpu.ofProcess();
        long t = process.start();
        Thread worker = new Thread(() -> {
            // A fixed amount of work (a few hundred ms of CPU), not a time: each step needs the one before.
            long x = 1;
            for (int i = 0; i < 400_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            clock.set(x);
        });
        worker.start();
        worker.join();
        process.stop(Stage.DETECTOR, t);

        // The work ran on another thread: a thread clock of this one would read next to nothing.
        assertThat(process.nanos(Stage.DETECTOR)).isGreaterThanOrEqualTo(10_000_000);
    }
}
