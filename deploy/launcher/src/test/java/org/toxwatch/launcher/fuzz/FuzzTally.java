package org.toxwatch.launcher.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** What one entry point answered during a fuzz run, and which inputs broke which property. */
public final class FuzzTally {

    /** An input that broke a property, with what came back. */
    public record Violation(String property, FuzzInput input, String answer) {}

    private final EntryPoint entryPoint;
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> violationCounts = new ConcurrentHashMap<>();
    private final Map<String, Violation> firstViolations = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> rejectionIds = new ConcurrentLinkedQueue<>();
    private final LongAdder inputs = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private volatile Duration elapsed = Duration.ZERO;

    public FuzzTally(EntryPoint entryPoint) {
        this.entryPoint = entryPoint;
    }

    /**
     * @param answer an HTTP status or an ACK code, as counted in the figures
     */
    public void record(FuzzInput input, String answer, boolean wasAccepted, List<String> violated, String detail) {
        inputs.increment();
        answers.computeIfAbsent(answer, a -> new LongAdder()).increment();
        (wasAccepted ? accepted : rejected).increment();
        if (answer.startsWith("5")) {
            serverErrors.increment();
        }
        for (String property : violated) {
            violationCounts.computeIfAbsent(property, p -> new LongAdder()).increment();
            firstViolations.putIfAbsent(property, new Violation(property, input, detail));
        }
    }

    public void rejectionId(String id) {
        if (rejectionIds.size() < 5_000) {
            rejectionIds.add(id);
        }
    }

    public void elapsed(Duration elapsed) {
        this.elapsed = elapsed;
    }

    public EntryPoint entryPoint() {
        return entryPoint;
    }

    public long inputs() {
        return inputs.sum();
    }

    public List<String> rejectionIds() {
        return List.copyOf(rejectionIds);
    }

    public Map<String, Long> violationCounts() {
        return violationCounts.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum(), (a, b) -> a, TreeMap::new));
    }

    public Map<String, Violation> firstViolations() {
        return Map.copyOf(firstViolations);
    }

    /** One line of figures: inputs, accepted, rejected by answer, 5xx, time. */
    public String figures() {
        var byAnswer = new TreeMap<String, Long>();
        answers.forEach((answer, count) -> byAnswer.put(answer, count.sum()));
        return String.format(
                "%-5s inputs=%d accepted=%d rejected=%d 5xx=%d answers=%s time=%.1fs violations=%s",
                entryPoint,
                inputs.sum(),
                accepted.sum(),
                rejected.sum(),
                serverErrors.sum(),
                byAnswer,
                elapsed.toMillis() / 1000.0,
                violationCounts());
    }
}
