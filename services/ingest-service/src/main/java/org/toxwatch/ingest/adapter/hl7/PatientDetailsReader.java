package org.toxwatch.ingest.adapter.hl7;

import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.get;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.orNull;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.subcomponent;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.PatientSubmission;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.EncounterEvent;

/**
 * What a message says about the patient: PID and PV1 of every ORU^R01 patient, and the whole of an ADT^A01, A02,
 * A03, A04 or A08 (any version 2.3 to 2.8, read whatever structure HAPI chose).
 *
 * <ul>
 *   <li>identifiers: PID-3, every repetition (CX-1 value, CX-4 assigning authority, CX-5 type), MR first;
 *   <li>name: PID-5, the legal name (XPN-7 L) else the first: family (XPN-1) and given (XPN-2);
 *   <li>birth date: PID-7, {@code YYYYMMDD}, or with a time ({@code YYYYMMDDHHMM...}) whose date is taken;
 *   <li>sex: PID-8, HL7 table 0001: F, M, O, U, A (ambiguous: other), N (not applicable: unknown);
 *   <li>location: PV1-3 point of care, room, bed, facility; attending: PV1-7 as a display name;
 *   <li>ADT only: weight and height from OBX (LOINC 29463-7 in kg, g or lb; 8302-2 in cm, m or in; any other
 *       unit is ignored); recorded at EVN-2, else MSH-7.
 * </ul>
 *
 * <p>Problems are reported by field; the value is never repeated (names and birth dates are protected).
 */
final class PatientDetailsReader {

    static final String BODY_WEIGHT = "29463-7";
    static final String BODY_HEIGHT = "8302-2";

    private static final Pattern BIRTH_DATE =
            Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:\\d{2}(?:\\d{2}(?:\\d{2}(?:\\.\\d{1,4})?)?)?)?(?:[+-]\\d{4})?");
    private static final Map<String, String> SEX = Map.of(
            "F", "female",
            "M", "male",
            "O", "other",
            "U", "unknown",
            "A", "other",
            "N", "unknown");
    private static final Map<String, BigDecimal> TO_KG = Map.of(
            "kg", BigDecimal.ONE,
            "g", new BigDecimal("0.001"),
            "[lb_av]", new BigDecimal("0.45359237"),
            "lb", new BigDecimal("0.45359237"),
            "lbs", new BigDecimal("0.45359237"));
    private static final Map<String, BigDecimal> TO_CM = Map.of(
            "cm", BigDecimal.ONE,
            "m", new BigDecimal("100"),
            "mm", new BigDecimal("0.1"),
            "[in_i]", new BigDecimal("2.54"),
            "in", new BigDecimal("2.54"));
    private static final Set<String> NOT_A_RESULT = Set.of("D", "W", "X", "I", "N", "O", "U");

    private final Hl7Timestamps timestamps;
    private final Hl7PatientIdentity identity;

    PatientDetailsReader(Hl7Timestamps timestamps, Hl7PatientIdentity identity) {
        this.timestamps = timestamps;
        this.identity = identity;
    }

    /**
     * The details of one patient of a result message, as they are now ({@link EncounterEvent#UPDATED}); empty when
     * PID and PV1 say nothing beyond the id, or the id itself is wrong (the results report that). A birth date or sex
     * that cannot be read is left out and named as a warning, never a reason to refuse the results: the patient is
     * then graded as of unknown age or sex (adult thresholds, said on the assessment) until a readable one arrives.
     *
     * @param sentAt MSH-7, or null when it is missing or unreadable (the details are then as of their arrival)
     */
    Optional<Hl7Item> ofResults(
            Segment pid, @Nullable Segment pv1, int pidSequence, Hl7Header header, @Nullable Instant sentAt) {
        Hl7Patient patient = Hl7Patient.of(pid, identity);
        if (patient.problem() != null || patient.id().isEmpty()) {
            return Optional.empty();
        }
        var unreadable = new ArrayList<Violation>();
        var stated = stated(pid, pv1, pidSequence, unreadable);
        if (!stated.beyondTheId() && unreadable.isEmpty()) {
            return Optional.empty();
        }
        var submission = stated.submission(patient.id(), EncounterEvent.UPDATED, null, null, sentAt, header);
        return Optional.of(
                Hl7Item.patientLeavingOut(submission, locator(pidSequence, "MSH^1^7", "OBX", "OBX"), unreadable));
    }

    /** An ADT message: one patient, its event, and what PID, PV1 and its OBX say. */
    Hl7Item ofAdmission(Message adt, Hl7Header header, EncounterEvent event) throws HL7Exception {
        var problems = new ArrayList<Violation>();
        Segment pid = first(adt, "PID");
        Segment pv1 = first(adt, "PV1");
        Segment evn = first(adt, "EVN");
        Hl7Patient patient = pid == null ? new Hl7Patient("", null) : Hl7Patient.of(pid, identity);
        if (patient.problem() != null) {
            problems.add(new Violation("PID^1^3", patient.problem()));
        }
        Stated stated = pid == null ? Stated.NOTHING : stated(pid, pv1, 1, problems);
        String recordedAtLocation = "MSH^1^7";
        Instant recordedAt = null;
        String eventTime = evn == null ? "" : get(evn, 2, 1);
        if (!eventTime.isEmpty()) {
            recordedAtLocation = "EVN^1^2";
            try {
                recordedAt = timestamps.parse(eventTime);
            } catch (IllegalArgumentException e) {
                problems.add(new Violation(
                        recordedAtLocation, "is not an HL7 date/time to the minute (YYYYMMDDHHMM[SS][+/-ZZZZ])"));
            }
        } else {
            recordedAt = sentAt(first(adt, "MSH"));
        }
        var body = bodySize(all(adt, "OBX"));
        var submission = stated.submission(patient.id(), event, body.weightKg(), body.heightCm(), recordedAt, header);
        return Hl7Item.patient(submission, locator(1, recordedAtLocation, body.weightAt(), body.heightAt()), problems);
    }

    /** MSH-7, leniently: when it is missing or unreadable the details count as stated on arrival. */
    @Nullable
    Instant sentAt(@Nullable Segment msh) {
        if (msh == null) {
            return null;
        }
        try {
            return timestamps.parse(get(msh, 7, 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** PID-7 as {@code YYYY-MM-DD} for the shared rules; empty when blank. */
    static Optional<String> birthDate(String text, List<Violation> problems, String at) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = BIRTH_DATE.matcher(text);
        if (!m.matches()) {
            problems.add(new Violation(at, "is not a birth date to the day (YYYYMMDD, optionally with a time)"));
            return Optional.empty();
        }
        try {
            var date = LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (date.getYear() < 1900) {
                problems.add(new Violation(at, "lies before 1900-01-01: not a birth date"));
                return Optional.empty();
            }
        } catch (DateTimeException e) {
            problems.add(new Violation(at, "is not a valid calendar date"));
            return Optional.empty();
        }
        return Optional.of(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
    }

    /** PID-8 as a FHIR AdministrativeGender code; empty when blank. */
    static Optional<String> sex(String code, List<Violation> problems, String at) {
        if (code.isEmpty()) {
            return Optional.empty();
        }
        String sex = SEX.get(code.toUpperCase(Locale.ROOT));
        if (sex == null) {
            problems.add(new Violation(at, "is not a known administrative sex (HL7 table 0001: F, M, O, U, A, N)"));
        }
        return Optional.ofNullable(sex);
    }

    /** PV1-3: point of care, room, bed and facility (HD namespace id, else universal id). */
    static PatientSubmission.@Nullable Location location(@Nullable Segment pv1) {
        if (pv1 == null) {
            return null;
        }
        String facility = subcomponent(pv1, 3, 0, 4, 1);
        var location = new PatientSubmission.Location(
                orNull(get(pv1, 3, 1)),
                orNull(get(pv1, 3, 2)),
                orNull(get(pv1, 3, 3)),
                orNull(facility.isEmpty() ? subcomponent(pv1, 3, 0, 4, 2) : facility));
        return location.equals(new PatientSubmission.Location(null, null, null, null)) ? null : location;
    }

    /** PV1-7 (XCN): prefix, given and family name; the clinician's id when no name is sent. */
    static @Nullable String attending(@Nullable Segment pv1) {
        if (pv1 == null) {
            return null;
        }
        String name = Stream.of(get(pv1, 7, 6), get(pv1, 7, 3), subcomponent(pv1, 7, 0, 2, 1))
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        return orNull(name.isEmpty() ? get(pv1, 7, 1) : name);
    }

    private record Stated(
            List<PatientSubmission.Identifier> identifiers,
            @Nullable String familyName,
            @Nullable String givenName,
            @Nullable String birthDate,
            @Nullable String sex,
            PatientSubmission.@Nullable Location location,
            @Nullable String attending) {

        static final Stated NOTHING = new Stated(List.of(), null, null, null, null, null, null);

        boolean beyondTheId() {
            return familyName != null
                    || givenName != null
                    || birthDate != null
                    || sex != null
                    || location != null
                    || attending != null;
        }

        PatientSubmission submission(
                String patientId,
                EncounterEvent event,
                @Nullable BigDecimal weightKg,
                @Nullable BigDecimal heightCm,
                @Nullable Instant recordedAt,
                Hl7Header header) {
            return new PatientSubmission(
                    orNull(patientId),
                    event.name(),
                    identifiers,
                    familyName,
                    givenName,
                    birthDate,
                    sex,
                    weightKg,
                    heightCm,
                    location,
                    attending,
                    recordedAt,
                    orNull(header.controlId()));
        }
    }

    private static Stated stated(Segment pid, @Nullable Segment pv1, int pidSequence, List<Violation> problems) {
        String pidAt = "PID^" + pidSequence + "^";
        int name = legalName(pid);
        return new Stated(
                identifiers(pid),
                orNull(subcomponent(pid, 5, name, 1, 1)),
                orNull(get(pid, 5, name, 2)),
                birthDate(get(pid, 7, 1), problems, pidAt + "7").orElse(null),
                sex(get(pid, 8, 1), problems, pidAt + "8").orElse(null),
                location(pv1),
                attending(pv1));
    }

    private static int legalName(Segment pid) {
        for (int i = 0; i < Hl7Fields.repetitions(pid, 5); i++) {
            if ("L".equalsIgnoreCase(get(pid, 5, i, 7))) {
                return i;
            }
        }
        return 0;
    }

    /** Every PID-3 repetition with a value, the medical record number first. */
    private static List<PatientSubmission.Identifier> identifiers(Segment pid) {
        var identifiers = new ArrayList<PatientSubmission.Identifier>();
        for (int i = 0; i < Hl7Fields.repetitions(pid, 3); i++) {
            String value = get(pid, 3, i, 1);
            if (value.isEmpty()) {
                continue;
            }
            String type = get(pid, 3, i, 5);
            var identifier =
                    new PatientSubmission.Identifier(value, orNull(Hl7Patient.authorityOf(pid, i)), orNull(type));
            if ("MR".equalsIgnoreCase(type) && identifiers.stream().noneMatch(id -> "MR".equalsIgnoreCase(id.type()))) {
                identifiers.addFirst(identifier);
            } else {
                identifiers.add(identifier);
            }
        }
        return identifiers;
    }

    private record BodySize(
            @Nullable BigDecimal weightKg,
            String weightAt,
            @Nullable BigDecimal heightCm,
            String heightAt) {}

    /** The last weight and height among the OBX; one in a unit not converted here is left out, never an error. */
    private static BodySize bodySize(List<Segment> observations) {
        BigDecimal weight = null;
        BigDecimal height = null;
        String weightAt = "OBX";
        String heightAt = "OBX";
        for (int i = 0; i < observations.size(); i++) {
            Segment obx = observations.get(i);
            if (NOT_A_RESULT.contains(get(obx, 11, 1).toUpperCase(Locale.ROOT))) {
                continue;
            }
            String code = loincOf(obx);
            String at = "OBX^" + (i + 1) + "^5";
            if (BODY_WEIGHT.equals(code)) {
                BigDecimal kg = converted(obx, TO_KG);
                if (kg != null) {
                    weight = kg;
                    weightAt = at;
                }
            } else if (BODY_HEIGHT.equals(code)) {
                BigDecimal cm = converted(obx, TO_CM);
                if (cm != null) {
                    height = cm;
                    heightAt = at;
                }
            }
        }
        return new BodySize(weight, weightAt, height, heightAt);
    }

    private static @Nullable String loincOf(Segment obx) {
        if ("LN".equalsIgnoreCase(get(obx, 3, 6))) {
            return get(obx, 3, 4);
        }
        String system = get(obx, 3, 3);
        return system.isEmpty() || "LN".equalsIgnoreCase(system) ? get(obx, 3, 1) : null;
    }

    private static @Nullable BigDecimal converted(Segment obx, Map<String, BigDecimal> factors) {
        BigDecimal factor = factors.get(get(obx, 6, 1).toLowerCase(Locale.ROOT));
        if (factor == null) {
            return null;
        }
        try {
            BigDecimal value = Hl7Fields.decimal(get(obx, 5, 1));
            if (value == null || factor.compareTo(BigDecimal.ONE) == 0) {
                return value;
            }
            return value.multiply(factor).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Function<String, String> locator(
            int pidSequence, String recordedAtLocation, String weightAt, String heightAt) {
        String pidAt = "PID^" + pidSequence + "^";
        return field -> {
            if (field.equals("patientId") || field.startsWith("identifiers")) {
                return pidAt + "3";
            }
            if (field.startsWith("location")) {
                return "PV1^1^3";
            }
            return switch (field) {
                case "familyName", "givenName" -> pidAt + "5";
                case "birthDate" -> pidAt + "7";
                case "sex" -> pidAt + "8";
                case "attending" -> "PV1^1^7";
                case "sourceMessageId" -> "MSH^1^10";
                case "encounterEvent" -> "MSH^1^9";
                case "recordedAt" -> recordedAtLocation;
                case "weightKg" -> weightAt;
                case "heightCm" -> heightAt;
                default -> "PID^" + pidSequence;
            };
        };
    }

    private static @Nullable Segment first(Group group, String name) throws HL7Exception {
        List<Segment> found = all(group, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Every non-empty segment of that name, wherever the structure HAPI chose placed it. */
    private static List<Segment> all(Group group, String name) throws HL7Exception {
        var found = new ArrayList<Segment>();
        for (String child : group.getNames()) {
            for (Structure structure : group.getAll(child)) {
                if (structure instanceof Segment segment) {
                    if (segment.getName().equals(name) && !segment.isEmpty()) {
                        found.add(segment);
                    }
                } else if (structure instanceof Group inner) {
                    found.addAll(all(inner, name));
                }
            }
        }
        return found;
    }
}
