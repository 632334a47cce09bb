package org.toxwatch.ingest.domain;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.PatientIdentifier;
import org.toxwatch.model.PatientLocation;
import org.toxwatch.model.PatientRecorded;

/**
 * Validates what a sender said about a patient and turns it into {@link PatientRecorded}. Names, birth dates and
 * identifiers are protected health information: a violation names the field, never its value.
 */
public final class Patients {

    /** A person's or a ward's name: longer than any real one, short enough to show. */
    public static final int PERSON_NAME_MAX = 128;
    /** More identifiers than any sender writes in one PID-3 or Patient.identifier. */
    public static final int IDENTIFIERS_MAX = 20;
    /** Above the heaviest person ever weighed. */
    public static final BigDecimal WEIGHT_KG_MAX = new BigDecimal("700");
    /** Above the tallest person ever measured. */
    public static final BigDecimal HEIGHT_CM_MAX = new BigDecimal("300");

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private final Duration allowedClockSkew;

    public Patients(Duration allowedClockSkew) {
        this.allowedClockSkew = allowedClockSkew;
    }

    /** Malformed input (identifier hygiene, lengths, numbers, times before 1900), judged before any other rule. */
    public static List<Violation> hygiene(PatientSubmission submission) {
        var found = new ArrayList<Violation>();
        text("patientId", submission.patientId(), InputHygiene.PATIENT_ID_MAX, found);
        text("sourceMessageId", submission.sourceMessageId(), InputHygiene.MESSAGE_ID_MAX, found);
        text("encounterEvent", submission.encounterEvent(), InputHygiene.CODE_MAX, found);
        text("familyName", submission.familyName(), PERSON_NAME_MAX, found);
        text("givenName", submission.givenName(), PERSON_NAME_MAX, found);
        text("birthDate", submission.birthDate(), InputHygiene.CODE_MAX, found);
        text("sex", submission.sex(), InputHygiene.CODE_MAX, found);
        text("attending", submission.attending(), PERSON_NAME_MAX, found);
        List<PatientSubmission.@Nullable Identifier> identifiers = identifiersOf(submission);
        if (identifiers.size() > IDENTIFIERS_MAX) {
            found.add(new Violation(
                    "identifiers",
                    "has " + identifiers.size() + " entries; at most " + IDENTIFIERS_MAX + " are accepted"));
        } else {
            for (int i = 0; i < identifiers.size(); i++) {
                var identifier = identifiers.get(i);
                if (identifier != null) {
                    String at = "identifiers[" + i + "].";
                    text(at + "value", identifier.value(), InputHygiene.PATIENT_ID_MAX, found);
                    text(at + "assigningAuthority", identifier.assigningAuthority(), InputHygiene.NAME_MAX, found);
                    text(at + "type", identifier.type(), InputHygiene.CODE_MAX, found);
                }
            }
        }
        var location = submission.location();
        if (location != null) {
            text("location.ward", location.ward(), PERSON_NAME_MAX, found);
            text("location.room", location.room(), InputHygiene.CODE_MAX, found);
            text("location.bed", location.bed(), InputHygiene.CODE_MAX, found);
            text("location.facility", location.facility(), PERSON_NAME_MAX, found);
        }
        number("weightKg", submission.weightKg(), found);
        number("heightCm", submission.heightCm(), found);
        if (submission.recordedAt() != null) {
            InputHygiene.timeProblem(submission.recordedAt())
                    .ifPresent(problem -> found.add(new Violation("recordedAt", problem)));
        }
        return found;
    }

    public List<Violation> validate(PatientSubmission submission, Instant now) {
        var violations = new ArrayList<Violation>();
        if (blank(submission.patientId())) {
            violations.add(new Violation("patientId", "is required"));
        }
        if (blank(submission.sourceMessageId())) {
            violations.add(new Violation("sourceMessageId", "is required (it makes a resend idempotent)"));
        }
        if (submission.encounterEvent() != null) {
            encounterEventOf(submission.encounterEvent(), violations);
        }
        if (submission.recordedAt() != null && submission.recordedAt().isAfter(now.plus(allowedClockSkew))) {
            violations.add(new Violation(
                    "recordedAt", "is in the future (more than " + allowedClockSkew.toSeconds() + " s ahead)"));
        }
        if (submission.birthDate() != null) {
            birthDateOf(submission.birthDate(), now, violations);
        }
        if (submission.sex() != null) {
            sexOf(submission.sex(), violations);
        }
        List<PatientSubmission.@Nullable Identifier> identifiers = identifiersOf(submission);
        for (int i = 0; i < identifiers.size(); i++) {
            var identifier = identifiers.get(i);
            if (identifier == null || blank(identifier.value())) {
                violations.add(new Violation("identifiers[" + i + "].value", "is required"));
            }
        }
        bodySize("weightKg", submission.weightKg(), WEIGHT_KG_MAX, "kg", violations);
        bodySize("heightCm", submission.heightCm(), HEIGHT_CM_MAX, "cm", violations);
        return violations;
    }

    /**
     * Requires a submission {@link #validate} accepted.
     *
     * @param position the item's place in a JSON array (part of its identity there), else empty
     */
    public static PatientRecorded toEvent(
            PatientSubmission valid, String sourceSystem, Instant receivedAt, String position) {
        String sourceMessageId = Objects.requireNonNull(valid.sourceMessageId()).trim();
        var ignored = new ArrayList<Violation>();
        EncounterEvent event =
                valid.encounterEvent() == null ? null : encounterEventOf(valid.encounterEvent(), ignored);
        PatientLocation location = event == EncounterEvent.DISCHARGED ? null : locationOf(valid.location());
        return new PatientRecorded(
                // Everything the message says is the record's identity: a resend is the same event.
                ObservationEvents.eventIdOf(sourceSystem, sourceMessageId, "patient\n" + valid + position),
                Objects.requireNonNull(valid.patientId()).trim(),
                valid.recordedAt() == null ? receivedAt : valid.recordedAt(),
                receivedAt,
                sourceSystem,
                sourceMessageId,
                event,
                identifiersOf(valid).stream()
                        .map(Objects::requireNonNull)
                        .map(identifier -> new PatientIdentifier(
                                Objects.requireNonNull(identifier.value()).trim(),
                                trimmedOrNull(identifier.assigningAuthority()),
                                trimmedOrNull(identifier.type())))
                        .toList(),
                trimmedOrNull(valid.familyName()),
                trimmedOrNull(valid.givenName()),
                valid.birthDate() == null
                        ? null
                        : LocalDate.parse(valid.birthDate().trim()),
                valid.sex() == null ? null : sexOf(valid.sex(), ignored),
                valid.weightKg(),
                valid.heightCm(),
                location,
                trimmedOrNull(valid.attending()));
    }

    /**
     * A birth date as {@code YYYY-MM-DD}: a calendar date, not before 1900, and not after tomorrow (UTC), since
     * a baby born today east of UTC has tomorrow's date there.
     */
    static @Nullable LocalDate birthDateOf(String text, Instant now, List<Violation> found) {
        Matcher m = ISO_DATE.matcher(text.trim());
        if (!m.matches()) {
            found.add(new Violation("birthDate", "is not a date (YYYY-MM-DD)"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            found.add(new Violation("birthDate", "is not a valid calendar date"));
            return null;
        }
        if (date.isBefore(EARLIEST_BIRTH_DATE)) {
            found.add(new Violation("birthDate", "lies before 1900-01-01: not a birth date"));
            return null;
        }
        if (date.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1))) {
            found.add(new Violation("birthDate", "is in the future"));
            return null;
        }
        return date;
    }

    /** FHIR AdministrativeGender codes, case-insensitive. */
    static @Nullable AdministrativeSex sexOf(String text, List<Violation> found) {
        String code = text.trim().toUpperCase(Locale.ROOT);
        Optional<AdministrativeSex> sex = switch (code) {
            case "FEMALE" -> Optional.of(AdministrativeSex.FEMALE);
            case "MALE" -> Optional.of(AdministrativeSex.MALE);
            case "OTHER" -> Optional.of(AdministrativeSex.OTHER);
            case "UNKNOWN" -> Optional.of(AdministrativeSex.UNKNOWN);
            default -> Optional.empty();
        };
        if (sex.isEmpty()) {
            found.add(new Violation("sex", "is not a known administrative sex (female, male, other, unknown)"));
        }
        return sex.orElse(null);
    }

    private static @Nullable EncounterEvent encounterEventOf(String text, List<Violation> found) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        var event = Arrays.stream(EncounterEvent.values())
                .filter(candidate -> candidate.name().equals(name))
                .findFirst();
        if (event.isEmpty()) {
            found.add(new Violation("encounterEvent", "is not one of " + Arrays.toString(EncounterEvent.values())));
        }
        return event.orElse(null);
    }

    private static void bodySize(
            String field, @Nullable BigDecimal value, BigDecimal max, String unit, List<Violation> found) {
        if (value != null && (value.signum() <= 0 || value.compareTo(max) > 0)) {
            found.add(new Violation(field, "must be above 0 and at most " + max.toPlainString() + " " + unit));
        }
    }

    private static @Nullable PatientLocation locationOf(PatientSubmission.@Nullable Location location) {
        if (location == null) {
            return null;
        }
        var kept = new PatientLocation(
                trimmedOrNull(location.ward()),
                trimmedOrNull(location.room()),
                trimmedOrNull(location.bed()),
                trimmedOrNull(location.facility()));
        return kept.equals(new PatientLocation(null, null, null, null)) ? null : kept;
    }

    private static List<PatientSubmission.@Nullable Identifier> identifiersOf(PatientSubmission submission) {
        return submission.identifiers() == null ? List.of() : submission.identifiers();
    }

    private static void text(String field, @Nullable String text, int max, List<Violation> found) {
        InputHygiene.identifierProblem(text, max).ifPresent(problem -> found.add(new Violation(field, problem)));
    }

    private static void number(String field, @Nullable BigDecimal value, List<Violation> found) {
        if (value != null) {
            InputHygiene.numberProblem(value).ifPresent(problem -> found.add(new Violation(field, problem)));
        }
    }

    private static @Nullable String trimmedOrNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
