package org.toxwatch.benchmark.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N connections, each sending its next message only once the previous one is acknowledged, for a fixed time: what
 * a hospital interface engine does. It measures throughput only; its latencies would hide the waits a fixed-rate
 * sender would see (coordinated omission), so none are reported from it.
 */
public final class ClosedLoopLoad {

    /** One connection's sender. */
    public interface Sender extends AutoCloseable {
        /** Sends one message and returns once it is answered; false when the answer was not a success. */
        boolean sendOne(long sequence) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /** Opens the sender of one connection. */
    public interface SenderFactory {
        Sender open(int connection) throws Exception;
    }

    /** What a run achieved. */
    public record Result(long acknowledged, long refused, double seconds) {
        public double acknowledgedPerSecond() {
            return acknowledged / seconds;
        }
    }

    private ClosedLoopLoad() {}

    public static Result run(int connections, Duration duration, SenderFactory factory) throws InterruptedException {
        var acknowledged = new AtomicLong();
        var refused = new AtomicLong();
        var failure = new AtomicLong();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            threads.add(Thread.ofPlatform().name("load-" + connection).start(() -> {
                try (Sender sender = factory.open(connection)) {
                    long sequence = 0;
                    while (System.nanoTime() < end) {
                        (sender.sendOne(sequence++) ? acknowledged : refused).incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.incrementAndGet();
                    System.err.println("load connection " + connection + " failed: " + e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failure.get() > 0) {
            throw new IllegalStateException(failure.get() + " of " + connections + " load connections failed");
        }
        return new Result(acknowledged.get(), refused.get(), seconds);
    }
}
