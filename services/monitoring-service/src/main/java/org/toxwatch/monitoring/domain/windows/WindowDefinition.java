package org.toxwatch.monitoring.domain.windows;

import java.util.Objects;

/**
 * A monitoring window in days after CAR-T infusion (infusion day is day 0, CRITERIA.md 1.5), both ends inclusive.
 * "N weeks after infusion" is written as days 0 to 7N, the longer reading.
 *
 * @param name what the window asks for, e.g. {@code stay within 2 h of the treatment center}
 * @param highIntensity the window asks for in-facility or daily monitoring, not only proximity
 * @param source where it comes from, e.g. {@code ToxWatch default} or {@code KYMRIAH label 6/2025}
 */
public record WindowDefinition(String name, int firstDay, int lastDay, boolean highIntensity, String source) {

    public WindowDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (firstDay > lastDay) {
            throw new IllegalArgumentException("window " + name + " ends before it starts");
        }
    }

    public boolean contains(int day) {
        return day >= firstDay && day <= lastDay;
    }

    /** E.g. {@code CAR-T intensive monitoring, day 0-14 (ToxWatch default)}. */
    public String describe() {
        // concatenated, not formatted: every assessment in a CAR-T window describes its windows
        return name + ", day " + firstDay + "-" + lastDay + " (" + source + ")";
    }
}
