package org.toxwatch.monitoring.domain.febrileneutropenia;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.toxwatch.monitoring.domain.Observation;

/**
 * A fever event and the ANC that judges it (CRITERIA.md 3, items 1 and 3).
 *
 * @param anc the chosen ANC; absent when no ANC was collected within 24 h of the event, in which case the
 *     event cannot be judged (it is not "not neutropenic")
 */
record PairedFever(FeverEvent fever, @Nullable Observation anc) {

    static final BigDecimal NEUTROPENIC_BELOW = new BigDecimal("1.0");
    static final Duration PAIRING_WINDOW = Duration.ofHours(24);

    /**
     * Pairs the event with the ANC collected closest to its interval (distance 0 inside it), looking at most
     * 24 h before the start and 24 h after the end, both ends inclusive. CTCAE gives no window; this is
     * the ToxWatch convention. On equal distance the earlier ANC wins; two ANCs collected at the same
     * instant resolve to the lower value, the worst case the numbers allow (CRITERIA.md 1.6).
     */
    static PairedFever pair(FeverEvent fever, List<Observation> ancs) {
        var from = fever.start().minus(PAIRING_WINDOW);
        var to = fever.end().plus(PAIRING_WINDOW);
        var chosen = ancs.stream()
                .filter(anc ->
                        !anc.observedAt().isBefore(from) && !anc.observedAt().isAfter(to))
                .min(Comparator.comparing((Observation anc) -> distance(fever, anc.observedAt()))
                        .thenComparing(Observation::observedAt)
                        .thenComparing(Observation::value))
                .orElse(null);
        return new PairedFever(fever, chosen);
    }

    boolean judged() {
        return anc != null;
    }

    /** ANC < 1.0 x10^9/L, strict: exactly 1.0 is not neutropenic. False when the event cannot be judged. */
    boolean neutropenic() {
        return anc != null && anc.value().compareTo(NEUTROPENIC_BELOW) < 0;
    }

    private static Duration distance(FeverEvent fever, Instant collected) {
        if (collected.isBefore(fever.start())) {
            return Duration.between(collected, fever.start());
        }
        if (collected.isAfter(fever.end())) {
            return Duration.between(fever.end(), collected);
        }
        return Duration.ZERO;
    }
}
