package org.toxwatch.monitoring.domain.windows;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The monitoring windows of one CAR-T product's label version (CRITERIA.md 10): label text depends on the label
 * date, so windows are keyed by product and the date the label version took effect.
 *
 * @param product brand name as the therapy events carry it, e.g. {@code KYMRIAH} (compared ignoring case)
 * @param effectiveFrom the first infusion date the label version applies to; absent for the earliest version
 */
public record CarTLabelWindows(String product, @Nullable LocalDate effectiveFrom, List<WindowDefinition> windows) {

    public CarTLabelWindows {
        Objects.requireNonNull(product, "product");
        windows = List.copyOf(windows);
    }

    boolean isFor(String someProduct) {
        return product.equalsIgnoreCase(someProduct.trim());
    }

    boolean appliesOn(LocalDate infusionDate) {
        return effectiveFrom == null || !infusionDate.isBefore(effectiveFrom);
    }
}
