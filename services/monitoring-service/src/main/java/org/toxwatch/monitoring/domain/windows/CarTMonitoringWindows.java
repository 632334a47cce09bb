package org.toxwatch.monitoring.domain.windows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * CAR-T monitoring windows, CRITERIA.md 10: the ToxWatch defaults (configurable) and the label windows per product
 * and label date. The label version applied is the latest one in effect on the infusion date.
 *
 * <p>The ICAHT windows (day 0-30 early, 31-100 late) are the EHA/EBMT consensus definitions the grading uses
 * (6.1), so they are shown but not configurable.
 *
 * @param crsAndIcans CRS and ICANS grading window; its last day also ends the CAR-T CRS grading window (4.5)
 * @param intensive the "intensive" monitoring window
 */
public record CarTMonitoringWindows(
        WindowDefinition crsAndIcans, WindowDefinition intensive, List<CarTLabelWindows> labels) {

    /** The date of the FDA announcement eliminating the REMS and shortening the label requirements (26 June 2025). */
    public static final LocalDate JUNE_2025_LABELS = LocalDate.of(2025, 6, 26);

    static final String TOXWATCH_DEFAULT = "ToxWatch default";
    static final WindowDefinition ICAHT_EARLY =
            new WindowDefinition("ICAHT early window", 0, 30, false, "EHA/EBMT 2023");
    static final WindowDefinition ICAHT_LATE =
            new WindowDefinition("ICAHT late window", 31, 100, false, "EHA/EBMT 2023");

    public CarTMonitoringWindows {
        Objects.requireNonNull(crsAndIcans, "crsAndIcans");
        Objects.requireNonNull(intensive, "intensive");
        labels = List.copyOf(labels);
    }

    /** The defaults of CRITERIA.md 10, each label window read with "N weeks" as days 0 to 7N. */
    public static CarTMonitoringWindows defaults() {
        return new CarTMonitoringWindows(
                new WindowDefinition("CRS and ICANS grading", 0, 28, false, TOXWATCH_DEFAULT),
                new WindowDefinition("CAR-T intensive monitoring", 0, 14, true, TOXWATCH_DEFAULT),
                List.of(
                        new CarTLabelWindows(
                                "KYMRIAH",
                                null,
                                List.of(
                                        new WindowDefinition(
                                                "monitor 2-3 times in the first week at the certified facility",
                                                0,
                                                7,
                                                true,
                                                "KYMRIAH label before 6/2025"),
                                        new WindowDefinition(
                                                "stay within 2 h of the certified facility",
                                                0,
                                                28,
                                                false,
                                                "KYMRIAH label before 6/2025"),
                                        new WindowDefinition(
                                                "no driving", 0, 56, false, "KYMRIAH label before 6/2025"))),
                        new CarTLabelWindows(
                                "KYMRIAH",
                                JUNE_2025_LABELS,
                                List.of(new WindowDefinition(
                                        "stay near the treatment center and no driving (check the current label for"
                                                + " in-facility monitoring)",
                                        0,
                                        14,
                                        false,
                                        "KYMRIAH label 6/2025"))),
                        new CarTLabelWindows(
                                "TECARTUS",
                                null,
                                List.of(
                                        // some earlier ALL materials said 14 days of daily monitoring: the longer
                                        new WindowDefinition(
                                                "daily monitoring at the authorized center",
                                                0,
                                                14,
                                                true,
                                                "TECARTUS label before 6/2025 (at least 7 days; some ALL materials 14)"),
                                        new WindowDefinition(
                                                "monitoring", 0, 28, false, "TECARTUS label before 6/2025"))),
                        new CarTLabelWindows(
                                "TECARTUS",
                                JUNE_2025_LABELS,
                                List.of(
                                        new WindowDefinition(
                                                "daily monitoring",
                                                0,
                                                7,
                                                true,
                                                "TECARTUS label 6/2025 (at least 7 days)"),
                                        new WindowDefinition(
                                                "continued monitoring", 0, 14, false, "TECARTUS label 6/2025"))),
                        new CarTLabelWindows(
                                "AUCATZYL",
                                null,
                                List.of(
                                        new WindowDefinition(
                                                "stay near the treatment center (label monitoring frequency not"
                                                        + " verified)",
                                                0,
                                                28,
                                                false,
                                                "AUCATZYL patient materials"),
                                        new WindowDefinition(
                                                "no driving", 0, 56, false, "AUCATZYL patient materials")))));
    }

    /** The windows open on {@code day} after an infusion on {@code infusionDate} of {@code product}. */
    public OpenWindows openOn(@Nullable String product, LocalDate infusionDate, int day) {
        var open = new ArrayList<WindowDefinition>();
        for (var window : List.of(crsAndIcans, intensive, ICAHT_EARLY, ICAHT_LATE)) {
            if (window.contains(day)) {
                open.add(window);
            }
        }
        var notes = new ArrayList<String>();
        if (product == null || product.isBlank()) {
            notes.add("CAR-T product not reported: no label windows");
        } else {
            var label = labels.stream()
                    .filter(l -> l.isFor(product) && l.appliesOn(infusionDate))
                    .max(Comparator.comparing(l -> l.effectiveFrom() == null ? LocalDate.MIN : l.effectiveFrom()))
                    .orElse(null);
            if (label == null) {
                notes.add("no label windows configured for " + product);
            } else {
                label.windows().stream().filter(w -> w.contains(day)).forEach(open::add);
            }
        }
        var descriptions = new ArrayList<String>();
        open.forEach(window -> descriptions.add(window.describe()));
        descriptions.addAll(notes);
        return new OpenWindows(open.stream().anyMatch(WindowDefinition::highIntensity), descriptions);
    }
}
