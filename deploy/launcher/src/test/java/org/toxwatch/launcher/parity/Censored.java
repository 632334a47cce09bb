package org.toxwatch.launcher.parity;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A value as a laboratory writes it, {@code 0.4} or {@code <0.1}: the comparator (if any) and the number. */
record Censored(@Nullable String comparator, BigDecimal number) {

    static Censored of(String written) {
        int digits = 0;
        while (digits < written.length() && "<>=".indexOf(written.charAt(digits)) >= 0) {
            digits++;
        }
        return new Censored(
                digits == 0 ? null : written.substring(0, digits), new BigDecimal(written.substring(digits)));
    }
}
