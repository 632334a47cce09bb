package org.toxwatch.ingest.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.toxwatch.model.ResultStatus;

/**
 * Checks one submitted observation and lists every problem, not just the first: an integration engineer
 * fixes a feed faster when told everything that is wrong at once.
 */
public final class ObservationValidator {

    private static final BigDecimal MIN_TEMPERATURE_CELSIUS = new BigDecimal("25");
    private static final BigDecimal MAX_TEMPERATURE_CELSIUS = new BigDecimal("45");
    private static final BigDecimal MAX_PERCENT = new BigDecimal("100");
    private static final Set<String> STATUSES = Set.of("preliminary", "final", "corrected", "cancelled");

    private final Duration allowedClockSkew;

    public ObservationValidator(Duration allowedClockSkew) {
        this.allowedClockSkew = allowedClockSkew;
    }

    public List<Violation> validate(ObservationSubmission submission, Instant now) {
        var violations = new ArrayList<Violation>();
        if (isBlank(submission.patientId())) {
            violations.add(new Violation("patientId", "is required"));
        }
        if (isBlank(submission.sourceMessageId())) {
            violations.add(new Violation("sourceMessageId", "is required (it makes a resend idempotent)"));
        }
        if (submission.effectiveTime() == null) {
            violations.add(new Violation("effectiveTime", "is required (specimen collection or measurement time)"));
        } else if (submission.effectiveTime().isAfter(now.plus(allowedClockSkew))) {
            violations.add(new Violation(
                    "effectiveTime", "is in the future (more than " + allowedClockSkew.toSeconds() + " s ahead)"));
        }
        ResultStatus status = parseStatus(submission.status(), violations);
        if (isBlank(submission.loinc())) {
            violations.add(
                    isBlank(submission.localCode())
                            ? new Violation("loinc", "is required")
                            : new Violation(
                                    "localCode",
                                    "'" + submission.localCode() + "' has no LOINC mapping for this sender"
                                            + " (add it to toxwatch.ingest.local-codes)"));
            return violations;
        }
        var code = ObservationCode.byLoinc(submission.loinc().trim());
        if (code.isEmpty()) {
            violations.add(new Violation(
                    "loinc",
                    "'" + submission.loinc()
                            + "' is not a code ToxWatch monitors (see docs/clinical/codes-and-units.md#accepted-codes)"
                            + (ObservationCode.isWellFormedLoinc(
                                            submission.loinc().trim())
                                    ? ""
                                    : ", nor a well-formed LOINC code (digits, '-', check digit), so it is not"
                                            + " skipped as a test ToxWatch does not grade")));
            return violations;
        }
        if (status != ResultStatus.CANCELLED) {
            validateValue(submission, code.get(), violations);
        }
        validateReferenceRange(submission, violations);
        return violations;
    }

    private static void validateValue(
            ObservationSubmission submission, ObservationCode code, List<Violation> violations) {
        if (code.isCoded()) {
            if (submission.comparator() != null) {
                violations.add(new Violation(
                        "comparator",
                        "'" + submission.comparator().symbol() + "' bounds a number; " + code.display()
                                + " is a coded result"));
            }
            if (isBlank(submission.valueCode())) {
                violations.add(new Violation("valueCode", "is required for " + code.display()));
            } else if (OxygenDeviceCodes.parse(submission.valueCode()).isEmpty()) {
                violations.add(new Violation(
                        "valueCode", "'" + submission.valueCode() + "' is not a known oxygen delivery device"));
            }
            return;
        }
        if (submission.comparator() != null && !code.isLab()) {
            // A vital-signs record has no place for a bound, and grading the bound as the value is never done.
            violations.add(new Violation(
                    "comparator",
                    "'" + submission.comparator().symbol() + "' (a censored value) cannot be recorded for "
                            + code.display() + "; send the measured value"));
        }
        BigDecimal value = submission.value();
        if (value == null) {
            violations.add(new Violation("value", "is required for " + code.display()));
        } else if (code.nonNegative() && value.signum() < 0) {
            violations.add(new Violation("value", "cannot be negative for " + code.display()));
        }
        if (isBlank(submission.unit())) {
            violations.add(new Violation(
                    "unit", "is required for " + code.display() + " (UCUM; accepted: " + sorted(code.units()) + ")"));
            return;
        }
        String unit = Objects.requireNonNull(ReportedUnits.ucumOf(submission.unit()));
        if (!code.accepts(unit)) {
            violations.add(new Violation("unit", unitProblem(submission.unit().trim(), unit, code)));
            return;
        }
        if (value != null) {
            checkPlausibility(code, value, unit, violations);
        }
    }

    /** Says whether the unit is not UCUM at all or a real unit of another kind of quantity. */
    private static String unitProblem(String reported, String unit, ObservationCode code) {
        String accepted = " (accepted: " + sorted(code.units()) + ")";
        String named = reported.equals(unit) ? "'" + unit + "'" : "'" + reported + "' (read as '" + unit + "')";
        var grammar = UcumGrammar.problemWith(unit);
        if (grammar.isPresent()) {
            return named + " is not a valid UCUM unit (" + grammar.get() + ")" + accepted;
        }
        String described = UcumGrammar.describe(unit);
        return named + " is not a unit of " + code.display() + (described == null ? "" : "; it is " + described)
                + accepted;
    }

    private static void checkPlausibility(
            ObservationCode code, BigDecimal value, String unit, List<Violation> violations) {
        switch (code.kind()) {
            case TEMPERATURE -> {
                BigDecimal celsius = VitalSignUnits.toCelsius(value, unit);
                if (celsius.compareTo(MIN_TEMPERATURE_CELSIUS) < 0 || celsius.compareTo(MAX_TEMPERATURE_CELSIUS) > 0) {
                    violations.add(new Violation("value", "a body temperature must lie between 25 and 45 Cel"));
                }
            }
            case SPO2 -> {
                if (value.compareTo(MAX_PERCENT) > 0) {
                    violations.add(new Violation("value", "an oxygen saturation cannot exceed 100 %"));
                }
            }
            default -> {}
        }
    }

    private static void validateReferenceRange(ObservationSubmission submission, List<Violation> violations) {
        BigDecimal low = submission.referenceLow();
        BigDecimal high = submission.referenceHigh();
        if (low != null && high != null && low.compareTo(high) > 0) {
            violations.add(new Violation("referenceRange", "low (" + low + ") is above high (" + high + ")"));
        }
    }

    private static ResultStatus parseStatus(String status, List<Violation> violations) {
        if (status == null || status.isBlank()) {
            return ResultStatus.FINAL;
        }
        String normalized = status.trim().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(normalized)) {
            violations.add(new Violation("status", "'" + status + "' is not one of " + sorted(STATUSES)));
            return ResultStatus.FINAL;
        }
        return ResultStatus.valueOf(normalized.toUpperCase(Locale.ROOT));
    }

    static ResultStatus statusOf(String status) {
        return status == null || status.isBlank()
                ? ResultStatus.FINAL
                : ResultStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
