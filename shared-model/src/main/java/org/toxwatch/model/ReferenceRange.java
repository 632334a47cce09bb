package org.toxwatch.model;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The reference range the performing laboratory reported with a result, in the result's unit. Either
 * limit may be absent (a one-sided range such as {@code <40} supplies only the upper limit).
 */
public record ReferenceRange(
        @Nullable BigDecimal low, @Nullable BigDecimal high) {}
