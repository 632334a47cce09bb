package org.toxwatch.monitoring.domain.liversignals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.monitoring.domain.Observation;

/** Intention-revealing factories for liver tests, bilirubin and weights of one test patient. */
final class LiverSignalFixtures {

    /** Day 0 of the tests, and the collection time of results unless a test says otherwise. */
    static final Instant DAY_ZERO = Instant.parse("2026-03-02T00:00:00Z");

    private LiverSignalFixtures() {}

    static Instant minutesAfter(Instant at, long minutes) {
        return at.plus(Duration.ofMinutes(minutes));
    }

    static Instant hoursAfter(Instant at, long hours) {
        return at.plus(Duration.ofHours(hours));
    }

    static Instant dayOf(long day) {
        return DAY_ZERO.plus(Duration.ofDays(day));
    }

    static LiverTest alt(String value, String uln, Instant at) {
        return liverTest("1742-6", "ALT", "U/L", value, uln, at);
    }

    static LiverTest ast(String value, String uln, Instant at) {
        return liverTest("1920-8", "AST", "U/L", value, uln, at);
    }

    static LiverTest bilirubin(String value, String uln, Instant at) {
        return liverTest("1975-2", "Total bilirubin", "mg/dL", value, uln, at);
    }

    static LiverTest alp(String value, String uln, Instant at) {
        return liverTest("6768-6", "ALP", "U/L", value, uln, at);
    }

    /** A result that came without a reference range: its ULN is the 13.4 default. */
    static LiverTest altWithDefaultUln(String value, Instant at) {
        return new LiverTest(observation("1742-6", "ALT", "U/L", value, null, at), new BigDecimal("40"));
    }

    static Observation bilirubinMgDl(String value, Instant at) {
        return observation(
                "1975-2", "Total bilirubin", "mg/dL", value, new ReferenceRange(null, new BigDecimal("1.2")), at);
    }

    static Observation weightKg(String value, Instant at) {
        return observation("29463-7", "Body weight", "kg", value, null, at);
    }

    static Observation observation(
            String code, String display, String unit, String value, @Nullable ReferenceRange range, Instant at) {
        var number = new BigDecimal(value);
        return new Observation(
                UUID.randomUUID(), code, display, number, unit, number, unit, range, at, "msg-" + UUID.randomUUID());
    }

    private static LiverTest liverTest(String code, String display, String unit, String value, String uln, Instant at) {
        var limit = new BigDecimal(uln);
        return new LiverTest(observation(code, display, unit, value, new ReferenceRange(null, limit), at), limit);
    }
}
