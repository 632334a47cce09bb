package org.toxwatch.monitoring.domain.units;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An adult default range of CRITERIA.md 13.4 in the analyte's canonical unit; either limit may be absent
 * (the table writes "-").
 */
public record DefaultReferenceRange(
        @Nullable BigDecimal lower, @Nullable BigDecimal upper) {

    static DefaultReferenceRange of(@Nullable String lower, @Nullable String upper) {
        return new DefaultReferenceRange(
                lower == null ? null : new BigDecimal(lower), upper == null ? null : new BigDecimal(upper));
    }

    static DefaultReferenceRange none() {
        return new DefaultReferenceRange(null, null);
    }
}
