package org.toxwatch.monitoring.domain.liversignals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.toxwatch.monitoring.domain.Observation;

/**
 * One liver test result with the ULN it is judged against.
 *
 * @param observation the result; {@link Observation#value()} in the analyte's canonical unit
 * @param uln upper limit of normal in the same canonical unit as the value (CRITERIA.md 1.3)
 */
public record LiverTest(Observation observation, BigDecimal uln) {

    public LiverTest {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(uln, "uln");
        if (uln.signum() <= 0) {
            throw new IllegalArgumentException("ULN must be positive, was " + uln.toPlainString());
        }
    }

    public BigDecimal value() {
        return observation.value();
    }

    public Instant collectedAt() {
        return observation.observedAt();
    }

    /** {@code value >= multiple x ULN}, compared exactly by multiplying the limit (CRITERIA.md 1.1). */
    boolean isAtLeast(BigDecimal multiple) {
        return value().compareTo(uln.multiply(multiple)) >= 0;
    }

    /** {@code value > multiple x ULN}, compared exactly by multiplying the limit (CRITERIA.md 1.1). */
    boolean isAbove(BigDecimal multiple) {
        return value().compareTo(uln.multiply(multiple)) > 0;
    }

    /** Whether the ULN came from the laboratory's own range (else from the 13.4 default). */
    boolean hasReportedUln() {
        var range = observation.reportedRange();
        return range != null && range.high() != null;
    }

    /** E.g. {@code ALT 130 U/L (ULN 40 U/L)}. */
    String describe() {
        var unit = observation.unit();
        return "%s %s %s (ULN %s %s)"
                .formatted(observation.display(), value().toPlainString(), unit, uln.toPlainString(), unit);
    }
}
