package org.toxwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentProcessWatchTest {

    @Test
    void actsOnceTheWatchedProcessExits() throws Exception {
        Process parent = new ProcessBuilder("sleep", "1").start();
        var stopped = new CountDownLatch(1);

        boolean watching = ParentProcessWatch.watch(String.valueOf(parent.pid()), stopped::countDown);

        assertThat(watching).isTrue();
        assertThat(stopped.getCount()).isEqualTo(1);
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void actsAtOnceWhenTheParentIsAlreadyGone() throws Exception {
        Process parent = new ProcessBuilder("true").start();
        parent.waitFor();
        var stopped = new CountDownLatch(1);

        ParentProcessWatch.watch(String.valueOf(parent.pid()), stopped::countDown);

        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void ignoresAValueThatIsNotAProcessId() {
        assertThat(ParentProcessWatch.watch("launcher", () -> {})).isFalse();
    }
}
