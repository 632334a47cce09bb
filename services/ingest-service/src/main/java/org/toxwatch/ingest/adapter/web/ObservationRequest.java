package org.toxwatch.ingest.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.ObservationSubmission;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.ValueComparator;

/**
 * The JSON body of one observation, e.g. {@code {"patientId":"MRN-0001","loinc":"751-8","value":0.4,
 * "unit":"10*9/L","effectiveTime":"2026-11-20T08:00:00Z","referenceRange":{"low":1.8,"high":7.7},
 * "sourceMessageId":"lab-42"}}. A censored result adds {@code "comparator":"<"} (one of {@code <}, {@code <=},
 * {@code >=}, {@code >}: the value is then the bound); the laboratory's flags {@code "abnormalFlags":["LL"]}; the
 * specimen's condition {@code "specimenConditions":["HEMOLYZED"]} (names of {@link SpecimenCondition}). A
 * specimen whose collection is known only to the day gives {@code "effectiveDate":"2026-03-10"} instead of
 * {@code effectiveTime}: that day's start in UTC, recorded with precision DAY.
 */
record ObservationRequest(
        @Nullable String patientId,
        @Nullable String loinc,
        @Nullable BigDecimal value,
        @Nullable String valueCode,
        @Nullable String unit,
        @Nullable Instant effectiveTime,
        @Nullable Range referenceRange,
        @Nullable String status,
        @Nullable String sourceMessageId,
        @Nullable String sourceObservationId,
        @Nullable String localCode,
        @Nullable String comparator,
        @Nullable List<String> abnormalFlags,
        @Nullable List<String> specimenConditions,
        @Nullable LocalDate effectiveDate) {

    /** What cannot be read into the submission: a comparator or specimen condition ToxWatch does not know. */
    List<Violation> unreadable() {
        var found = new ArrayList<Violation>();
        if (effectiveTime != null && effectiveDate != null) {
            found.add(new Violation(
                    "effectiveDate", "is for a collection known only to the day: send it or effectiveTime"));
        }
        if (comparator != null && comparatorOf(comparator).isEmpty()) {
            found.add(new Violation("comparator", "is not one of <, <=, >=, >"));
        }
        List<String> conditions = specimenConditions == null ? List.of() : specimenConditions;
        for (int i = 0; i < conditions.size(); i++) {
            if (conditionOf(conditions.get(i)).isEmpty()) {
                found.add(new Violation(
                        "specimenConditions[" + i + "]",
                        "is not one of " + Arrays.toString(SpecimenCondition.values())));
            }
        }
        return found;
    }

    private static Optional<ValueComparator> comparatorOf(String symbol) {
        return ValueComparator.ofSymbol(symbol.trim());
    }

    private static Optional<SpecimenCondition> conditionOf(@Nullable String name) {
        return name == null
                ? Optional.empty()
                : Arrays.stream(SpecimenCondition.values())
                        .filter(condition -> condition.name().equals(name.trim().toUpperCase(Locale.ROOT)))
                        .findFirst();
    }

    record Range(@Nullable BigDecimal low, @Nullable BigDecimal high) {}

    ObservationSubmission toSubmission() {
        return new ObservationSubmission(
                patientId,
                loinc,
                value,
                valueCode,
                unit,
                effectiveTime != null || effectiveDate == null
                        ? effectiveTime
                        : effectiveDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
                referenceRange == null ? null : referenceRange.low(),
                referenceRange == null ? null : referenceRange.high(),
                status,
                sourceMessageId,
                sourceObservationId,
                localCode,
                comparator == null ? null : comparatorOf(comparator).orElse(null),
                abnormalFlags == null
                        ? List.of()
                        : abnormalFlags.stream()
                                .filter(flag -> flag != null && !flag.isBlank())
                                .map(String::trim)
                                .toList(),
                specimenConditions == null
                        ? List.of()
                        : specimenConditions.stream()
                                .map(ObservationRequest::conditionOf)
                                .flatMap(Optional::stream)
                                .distinct()
                                .toList(),
                effectiveTime == null && effectiveDate != null ? TimePrecision.DAY : null);
    }
}
