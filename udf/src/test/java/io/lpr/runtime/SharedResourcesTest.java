package io.lpr.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedResourcesTest {

    @Test
    void oneInstancePerKeyClosedWithTheLastLease() {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        AutoCloseable resource = closed::incrementAndGet;

        var a = SharedResources.acquire("k", () -> {
            created.incrementAndGet();
            return resource;
        });
        var b = SharedResources.acquire("k", () -> {
            created.incrementAndGet();
            return resource;
        });
        assertThat(a.get()).isSameAs(b.get());
        assertThat(created).hasValue(1);

        a.close();
        a.close(); // a lease releases once
        assertThat(closed).hasValue(0);
        b.close();
        assertThat(closed).hasValue(1);

        SharedResources.acquire("k", () -> {
            created.incrementAndGet();
            return resource;
        }).close();
        assertThat(created).hasValue(2);
    }
}
