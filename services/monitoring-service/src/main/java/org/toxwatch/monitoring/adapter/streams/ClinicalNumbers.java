package org.toxwatch.monitoring.adapter.streams;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Whether every number of an event could be a clinical value. JSON reads {@code 1E+2147483647} in a few bytes,
 * but writing it out in full (as grading evidence does) needs more memory than any JVM has: the failure is an
 * {@link Error}, not a per-record exception, and it killed every stream thread it reached. Ingest refuses such
 * values; monitoring checks again because anything may write to its input topics.
 */
final class ClinicalNumbers {

    /** No clinical value reaches 10^12 in any unit ToxWatch reads, nor needs more than 12 decimals. */
    static final int LARGEST_INTEGER_DIGITS = 12;

    static final int MOST_DECIMALS = 12;

    /** Class.getRecordComponents() builds its answer afresh on every call, and every event asks it several times. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private ClinicalNumbers() {}

    /** True when every decimal in the record, and in the records and collections it holds, is in bounds. */
    static boolean plausible(@Nullable Object value) {
        if (value instanceof BigDecimal number) {
            // In long arithmetic: precision - scale overflows an int for 1E+2147483647.
            return number.scale() <= MOST_DECIMALS
                    && (long) number.precision() - number.scale() <= LARGEST_INTEGER_DIGITS;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().allMatch(ClinicalNumbers::plausible);
        }
        if (value instanceof Record record) {
            return componentsPlausible(record);
        }
        return true;
    }

    private static boolean componentsPlausible(Record record) {
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            try {
                if (!plausible(component.getAccessor().invoke(record))) {
                    return false;
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return true;
    }
}
