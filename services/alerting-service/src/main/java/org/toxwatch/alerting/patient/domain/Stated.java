package org.toxwatch.alerting.patient.domain;

import org.jspecify.annotations.Nullable;

/**
 * One detail of a patient as last stated, and when. Never stated: no value and no stamp. A stamp without a value
 * is a detail stated as "none": a discharge leaves the patient without a location.
 */
public record Stated<T>(@Nullable T value, @Nullable Stamp stamp) {

    private static final Stated<?> NEVER = new Stated<>(null, null);

    @SuppressWarnings("unchecked")
    public static <T> Stated<T> never() {
        return (Stated<T>) NEVER;
    }

    public static <T> Stated<T> as(@Nullable T value, Stamp stamp) {
        return new Stated<>(value, stamp);
    }

    /** This detail after a statement made at {@code stamp}: the later statement wins, an earlier one is ignored. */
    Stated<T> after(@Nullable T statedValue, Stamp at) {
        return stamp == null || at.isAfter(stamp) ? new Stated<>(statedValue, at) : this;
    }
}
