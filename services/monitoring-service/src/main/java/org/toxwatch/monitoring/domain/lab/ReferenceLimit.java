package org.toxwatch.monitoring.domain.lab;

import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ReferenceRangeSource;

/** One limit of normal (LLN or ULN) and where it came from (CRITERIA.md 1.3). */
public record ReferenceLimit(Quantity quantity, ReferenceRangeSource source) {

    /** E.g. {@code ULN = 40 U/L}, or {@code ULN = 21 umol/L (1.228 mg/dL), default}. */
    public String describe(String name) {
        var text = name + " = " + quantity.display();
        return source == ReferenceRangeSource.DEFAULT ? text + " (default)" : text;
    }

    /** {@link #describe} of a limit that may be absent, e.g. {@code LLN unknown}. */
    public static String describe(String name, @Nullable ReferenceLimit limit) {
        return limit == null ? name + " unknown" : limit.describe(name);
    }
}
