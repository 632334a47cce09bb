package org.toxwatch.ingest.adapter.fhir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.TimePrecision;

/**
 * The elements Observation and MedicationAdministration share (subject, identifier, effective[x], a quantity's
 * unit), read the same way for both.
 */
final class SharedElements {

    static final String UCUM = "http://unitsofmeasure.org";

    /** A conditional reference, as transactions carry: {@code Patient?identifier=<system>|<MRN>}. */
    private static final String CONDITIONAL_PATIENT = "Patient?identifier=";

    private static final Pattern ZONED = Pattern.compile(".*T.*(Z|[+-]\\d{2}:\\d{2})$");

    /**
     * The patient id: the id of a {@code Patient/<id>} reference (relative or absolute URL, version dropped), the
     * value of a conditional {@code Patient?identifier=system|value}, else {@code subject.identifier.value}. As in
     * HL7 PID-3, the identifier's system is not part of the id (one hospital, one MRN). Other references (Group, a contained {@code #p1}) are not patients
     * ToxWatch can key by.
     */
    static @Nullable String patientId(Reference subject, String path, List<Problem> problems) {
        if (subject.hasReference()) {
            String reference = subject.getReference().trim();
            if (reference.startsWith(CONDITIONAL_PATIENT)) {
                String identifier =
                        URLDecoder.decode(reference.substring(CONDITIONAL_PATIENT.length()), StandardCharsets.UTF_8);
                return identifier.substring(identifier.lastIndexOf('|') + 1).trim();
            }
            String[] parts = reference.split("/");
            for (int i = parts.length - 2; i >= 0; i--) {
                if (parts[i].equals("Patient") && !parts[i + 1].isBlank()) {
                    return parts[i + 1];
                }
            }
            problems.add(Problem.notSupported(
                    path + ".reference",
                    "must reference a Patient as Patient/<id>, or give subject.identifier (a "
                            + (reference.startsWith("#") ? "contained resource" : "reference to another resource type")
                            + " cannot be keyed by patient)"));
            return null;
        }
        if (subject.hasIdentifier() && subject.getIdentifier().hasValue()) {
            return subject.getIdentifier().getValue().trim();
        }
        return null;
    }

    /** {@code system|value} of the first identifier with a value ({@code value} alone without a system). */
    static @Nullable String identifierKey(List<Identifier> identifiers) {
        return identifiers.stream()
                .filter(Identifier::hasValue)
                .findFirst()
                .map(identifier -> identifier.hasSystem()
                        ? identifier.getSystem() + "|" + identifier.getValue()
                        : identifier.getValue())
                .orElse(null);
    }

    /**
     * The idempotency key of one state of a resource. The identifier alone names the result across its life;
     * FHIR sends a preliminary, final, corrected or cancelled state under the same identifier, so the state (and
     * the version, where the sender keeps versions) is part of the key: a resend of one state is recognised,
     * the next state is not mistaken for a resend.
     */
    static @Nullable String messageId(
            @Nullable String identifierKey, @Nullable String status, @Nullable String versionId) {
        if (identifierKey == null) {
            return null;
        }
        return identifierKey + "#" + (status == null ? "" : status) + (versionId == null ? "" : "@" + versionId);
    }

    /** A clinical time read from a dateTime, instant or Period.start/end; null with a problem if imprecise. */
    static @Nullable Instant instantOf(@Nullable BaseDateTimeType time, String path, List<Problem> problems) {
        if (time == null || time.getValue() == null) {
            return null;
        }
        if (time.getPrecision().ordinal() < ca.uhn.fhir.model.api.TemporalPrecisionEnum.MINUTE.ordinal()) {
            problems.add(Problem.invalid(
                    path,
                    "'" + time.getValueAsString() + "' has no time of day: a clinical time needs hh:mm:ss and a"
                            + " timezone"));
            return null;
        }
        if (!ZONED.matcher(time.getValueAsString()).matches()) {
            problems.add(Problem.invalid(
                    path, "'" + time.getValueAsString() + "' has no timezone (FHIR requires one with a time of day)"));
            return null;
        }
        return time.getValue().toInstant();
    }

    /** Reads effective[x]: effectiveDateTime, effectivePeriod.start or effectiveInstant. */
    static Timed effective(@Nullable Type effective, String resource, List<Problem> problems) {
        if (effective == null || effective.isEmpty()) {
            return new Timed(null, resource + ".effective[x]");
        }
        return switch (effective) {
            case DateTimeType dateTime -> {
                String path = resource + ".effectiveDateTime";
                yield new Timed(instantOf(dateTime, path, problems), path);
            }
            case InstantType instant -> {
                String path = resource + ".effectiveInstant";
                yield new Timed(instantOf(instant, path, problems), path);
            }
            case Period period -> {
                String path = resource + ".effectivePeriod.start";
                yield new Timed(period.hasStart() ? instantOf(period.getStartElement(), path, problems) : null, path);
            }
            default -> {
                String path = resource + ".effective[x]";
                problems.add(Problem.notSupported(
                        path,
                        "effective" + effective.fhirType() + " is not supported: send effectiveDateTime,"
                                + " effectivePeriod.start or effectiveInstant"));
                yield new Timed(null, path);
            }
        };
    }

    /**
     * A time and the FHIRPath it was read from.
     *
     * @param precision how precisely the sender gave it; null for to the second or finer
     */
    record Timed(
            @Nullable Instant instant,
            String path,
            @Nullable TimePrecision precision) {
        Timed(@Nullable Instant instant, String path) {
            this(instant, path, null);
        }
    }

    /**
     * Reads effective[x] as {@link #effective} does, but also takes a date alone ({@code "2026-03-10"}), as
     * laboratories send a specimen collected on a known day: that day's start in UTC, with precision {@code DAY},
     * so grading can name the imprecision. A time to the minute is precision {@code MINUTE}.
     */
    static Timed effectiveToTheDay(@Nullable Type effective, String resource, List<Problem> problems) {
        BaseDateTimeType time = effective instanceof DateTimeType dateTime
                ? dateTime
                : effective instanceof Period period && period.hasStart() ? period.getStartElement() : null;
        if (time == null || time.getValue() == null) {
            return effective(effective, resource, problems);
        }
        String path = resource + (effective instanceof Period ? ".effectivePeriod.start" : ".effectiveDateTime");
        return switch (time.getPrecision()) {
            case DAY -> new Timed(dayOrInstantOf(time, path, problems), path, TimePrecision.DAY);
            case MINUTE -> new Timed(instantOf(time, path, problems), path, TimePrecision.MINUTE);
            default -> effective(effective, resource, problems);
        };
    }

    /**
     * A clinician's time that may be given to the day ({@code onsetDateTime: "2026-03-10"}), as a diagnosis often
     * is: a date alone is that day's start in UTC; a year or month alone is refused.
     */
    static @Nullable Instant dayOrInstantOf(@Nullable BaseDateTimeType time, String path, List<Problem> problems) {
        if (time == null || time.getValue() == null) {
            return null;
        }
        if (time.getPrecision() == ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
            return LocalDate.parse(time.getValueAsString())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        }
        if (time.getPrecision().ordinal() < ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()) {
            problems.add(Problem.invalid(path, "'" + time.getValueAsString() + "' gives no day: send at least a date"));
            return null;
        }
        return instantOf(time, path, problems);
    }

    /**
     * A choice of dateTime or Period ({@code onset[x]}, {@code abatement[x]}) to the day or finer.
     *
     * @param element the element without its type, e.g. {@code Condition.onset}
     */
    static Timed dayOrInstantOf(@Nullable Type value, String element, List<Problem> problems) {
        if (value == null || value.isEmpty()) {
            return new Timed(null, element + "[x]");
        }
        return switch (value) {
            case DateTimeType dateTime -> {
                String path = element + "DateTime";
                yield new Timed(dayOrInstantOf(dateTime, path, problems), path);
            }
            case Period period -> {
                String path = element + "Period.start";
                yield new Timed(
                        period.hasStart() ? dayOrInstantOf(period.getStartElement(), path, problems) : null, path);
            }
            default -> {
                String path = element + "[x]";
                String name = element.substring(element.lastIndexOf('.') + 1);
                problems.add(Problem.notSupported(
                        path,
                        name + Character.toUpperCase(value.fhirType().charAt(0))
                                + value.fhirType().substring(1) + " is not supported: send " + name + "DateTime or "
                                + name
                                + "Period.start"));
                yield new Timed(null, path);
            }
        };
    }

    /** The unit: the UCUM code when there is one, else the unit text; and the FHIRPath it came from. */
    static Unit unitOf(Quantity quantity, String path) {
        boolean ucumCode = quantity.hasCode() && (!quantity.hasSystem() || UCUM.equals(quantity.getSystem()));
        if (ucumCode) {
            return new Unit(quantity.getCode().trim(), path + ".code");
        }
        if (quantity.hasUnit()) {
            return new Unit(quantity.getUnit().trim(), path + ".unit");
        }
        return new Unit(null, path + ".code");
    }

    /** A unit and the FHIRPath it was read from. */
    record Unit(@Nullable String code, String path) {}

    private SharedElements() {}
}
