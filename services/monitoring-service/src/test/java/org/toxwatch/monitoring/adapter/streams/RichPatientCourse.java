package org.toxwatch.monitoring.adapter.streams;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.ClinicalRecord;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;

/**
 * One patient's course with something in every part of the stored state, folded exactly as the grading processor
 * folds it: inotuzumab (BESPONSA) bridging with planned doses, then CD19 CAR-T (lymphodepletion, infusion), baseline
 * and follow-up labs (a censored ANC, a hemolysed potassium later corrected, a cancelled result), fever with
 * hypotension on oxygen, tocilizumab and a vasopressor, an ICE score, ascites, and the grades published after each
 * event.
 *
 * <p>Every id and time is fixed, so folding it again gives the state the committed bytes were written from.
 */
final class RichPatientCourse {

    static final String PATIENT = "MRN-STATE-V1";
    static final ZoneId HOSPITAL_ZONE = ZoneId.of("Europe/Berlin");

    /** Day 0 of the CAR-T windows. */
    static final Instant INFUSION = Instant.parse("2026-10-12T10:00:00Z");

    private RichPatientCourse() {}

    /** The course folded event by event, each followed by the reassessment the processor publishes. */
    static PatientState folded() {
        var grader = new ToxicityGrader(HOSPITAL_ZONE);
        var state = PatientState.empty(PATIENT);
        for (var event : events()) {
            state = switch (event) {
                case LabResultRecorded lab -> state.apply(lab);
                case VitalSignsRecorded vitals -> state.apply(vitals);
                case TherapyEventRecorded therapy -> state.apply(therapy);
                case NeurologicAssessmentRecorded neuro -> state.apply(neuro);
                case ClinicalFindingRecorded finding -> state.apply(finding);
                case DosePlanned plan -> state.apply(plan);
                default -> throw new IllegalArgumentException("not a monitoring input: " + event.getClass());
            };
            state = grader.reassess(state).state();
        }
        return state;
    }

    static List<ClinicalRecord> events() {
        return List.of(
                // inotuzumab bridging: cycle 1 days 1 and 8 given, day 15 planned then cancelled for the CAR-T
                therapy("ino-enrol", TherapyEventType.ENROLLED, Therapy.INOTUZUMAB_OZOGAMICIN, day(-30), null),
                lab("ino-bili-0", day(-31), "1975-2", "0.8", "mg/dL", range("0.1", "1.2")),
                lab("ino-alt-0", day(-31), "1742-6", "32", "U/L", range(null, "40")),
                dose("ino-d1", day(-30), 1, 1, "0.8"),
                plan("plan-d8", day(-30), day(-23), 8, false),
                dose("ino-d8", day(-23), 1, 8, "0.5"),
                plan("plan-d15", day(-23), day(-16), 15, false),
                lab("ino-bili-8", day(-22), "1975-2", "1.9", "mg/dL", range("0.1", "1.2")),
                plan("plan-d15", day(-17), day(-16), 15, true),
                // CD19 CAR-T: lymphodepletion from day -7, baselines, infusion on day 0
                therapy("cart-enrol", TherapyEventType.ENROLLED, Therapy.CAR_T, day(-7), "KYMRIAH"),
                lab("anc-0", day(-7), "751-8", "1.2", "10*9/L", range("1.8", "7.7")),
                lab("plt-0", day(-7), "777-3", "140", "10*9/L", range("150", "400")),
                lab("hb-0", day(-7), "718-7", "10.9", "g/dL", range("12.0", "17.5")),
                lab("crea-0", day(-7), "2160-0", "0.9", "mg/dL", range("0.6", "1.2")),
                lab("ferritin-0", day(-7), "2276-4", "350", "ng/mL", range("30", "400")),
                lab("crp-0", day(-7), "1988-5", "4", "mg/L", range(null, "5")),
                therapy("cart-infused", TherapyEventType.CAR_T_INFUSED, Therapy.CAR_T, day(0), "KYMRIAH"),
                lab("anc-1", day(1), "751-8", "0.4", "10*9/L", range("1.8", "7.7")),
                censoredAnc("anc-3", day(3), ValueComparator.LESS_THAN, "0.1"),
                // cytokine release: fever, then hypotension on oxygen, tocilizumab and a vasopressor
                vitals("vs-3", day(3), "39.1", "96", "62", null, null, "71.5"),
                drug("tocilizumab", day(3).plus(Duration.ofHours(2)), SupportiveDrug.TOCILIZUMAB),
                vitals("vs-4", day(4), "38.6", "84", "58", OxygenDevice.NASAL_CANNULA, "3", null),
                vasopressor("norepinephrine-on", day(4).plus(Duration.ofHours(1)), 1),
                lab("plt-4", day(4), "777-3", "42", "10*9/L", range("150", "400")),
                lab("bili-4", day(4), "1975-2", "2.6", "mg/dL", range("0.1", "1.2")),
                lab("alt-4", day(4), "1742-6", "130", "U/L", range(null, "40")),
                lab("ast-4", day(4), "1920-8", "95", "U/L", range(null, "40")),
                lab("crea-4", day(4), "2160-0", "1.9", "mg/dL", range("0.6", "1.2")),
                hemolysedPotassium("k-4", day(4), "6.4"),
                correctedPotassium("k-4-corrected", day(4), "5.4"),
                lab("ldh-4", day(4), "2532-0", "610", "U/L", range("140", "280")),
                lab("fib-4", day(4), "3255-7", "140", "mg/dL", range("200", "400")),
                lab("crp-4", day(4), "1988-5", "38", "mg/L", range(null, "5")),
                cancelled("crp-4", day(4), "1988-5"),
                neuro("ice-5", day(5), 6, LevelOfConsciousness.AWAKENS_TO_VOICE),
                finding("ascites", day(5), ClinicalFinding.ASCITES),
                vasopressor("norepinephrine-off", day(5).plus(Duration.ofHours(6)), 0),
                vitals("vs-5", day(5).plus(Duration.ofHours(8)), "37.2", "112", "78", OxygenDevice.NONE, null, "73.0"));
    }

    private static Instant day(long day) {
        return INFUSION.plus(Duration.ofDays(day));
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("rich-patient/" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable ReferenceRange range(@Nullable String low, @Nullable String high) {
        return new ReferenceRange(low == null ? null : new BigDecimal(low), high == null ? null : new BigDecimal(high));
    }

    private static LabResultRecorded lab(
            String name, Instant at, String loinc, String value, String unit, ReferenceRange range) {
        return new LabResultRecorded(
                id(name),
                PATIENT,
                at,
                at.plus(Duration.ofMinutes(50)),
                "lis",
                "msg-" + name,
                "obs-" + name,
                loinc,
                new BigDecimal(value),
                unit,
                range,
                ResultStatus.FINAL);
    }

    private static LabResultRecorded censoredAnc(String name, Instant at, ValueComparator comparator, String bound) {
        return new LabResultRecorded(
                id(name),
                PATIENT,
                at,
                at.plus(Duration.ofMinutes(50)),
                "lis",
                "msg-" + name,
                "obs-" + name,
                "751-8",
                new BigDecimal(bound),
                "10*9/L",
                range("1.8", "7.7"),
                ResultStatus.FINAL,
                comparator,
                "10^9/L",
                List.of("LL"),
                List.of(),
                TimePrecision.MINUTE);
    }

    private static LabResultRecorded hemolysedPotassium(String name, Instant at, String value) {
        return new LabResultRecorded(
                id(name),
                PATIENT,
                at,
                at.plus(Duration.ofMinutes(50)),
                "lis",
                "msg-" + name,
                "obs-k-4",
                "2823-3",
                new BigDecimal(value),
                "mmol/L",
                range("3.5", "5.1"),
                ResultStatus.FINAL,
                null,
                "mmol/L",
                List.of("H"),
                List.of(SpecimenCondition.HEMOLYZED),
                null);
    }

    private static LabResultRecorded correctedPotassium(String name, Instant at, String value) {
        return new LabResultRecorded(
                id(name),
                PATIENT,
                at,
                at.plus(Duration.ofHours(3)),
                "lis",
                "msg-" + name,
                "obs-k-4",
                "2823-3",
                new BigDecimal(value),
                "mmol/L",
                range("3.5", "5.1"),
                ResultStatus.CORRECTED);
    }

    private static LabResultRecorded cancelled(String name, Instant at, String loinc) {
        return new LabResultRecorded(
                id(name + "-cancelled"),
                PATIENT,
                at,
                at.plus(Duration.ofHours(2)),
                "lis",
                "msg-" + name + "-cancelled",
                "obs-" + name,
                loinc,
                null,
                null,
                null,
                ResultStatus.CANCELLED);
    }

    private static VitalSignsRecorded vitals(
            String name,
            Instant at,
            String celsius,
            String systolic,
            String meanArterial,
            @Nullable OxygenDevice device,
            @Nullable String flow,
            @Nullable String weight) {
        return new VitalSignsRecorded(
                id(name),
                PATIENT,
                at,
                at.plus(Duration.ofMinutes(2)),
                "bedside-monitor",
                "msg-" + name,
                new BigDecimal(celsius),
                new BigDecimal("118"),
                new BigDecimal(systolic),
                new BigDecimal("44"),
                new BigDecimal(meanArterial),
                new BigDecimal("94"),
                new BigDecimal("24"),
                device,
                flow == null ? null : new BigDecimal(flow),
                weight == null ? null : new BigDecimal(weight),
                ResultStatus.FINAL);
    }

    private static TherapyEventRecorded therapy(
            String name, TherapyEventType type, Therapy therapy, Instant at, @Nullable String product) {
        return new TherapyEventRecorded(
                id(name),
                PATIENT,
                at,
                at,
                "mar",
                "msg-" + name,
                type,
                therapy,
                product,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static TherapyEventRecorded dose(String name, Instant at, int cycle, int cycleDay, String mgPerM2) {
        return new TherapyEventRecorded(
                id(name),
                PATIENT,
                at,
                at.plus(Duration.ofMinutes(10)),
                "mar",
                "msg-" + name,
                TherapyEventType.DOSE_ADMINISTERED,
                Therapy.INOTUZUMAB_OZOGAMICIN,
                "BESPONSA",
                cycle,
                cycleDay,
                new BigDecimal(mgPerM2),
                "mg/m2",
                null,
                null,
                null);
    }

    private static TherapyEventRecorded drug(String name, Instant at, SupportiveDrug drug) {
        return new TherapyEventRecorded(
                id(name),
                PATIENT,
                at,
                at,
                "mar",
                "msg-" + name,
                TherapyEventType.SUPPORTIVE_DRUG_GIVEN,
                null,
                null,
                null,
                null,
                null,
                null,
                drug,
                null,
                null);
    }

    private static TherapyEventRecorded vasopressor(String name, Instant at, int running) {
        return new TherapyEventRecorded(
                id(name),
                PATIENT,
                at,
                at,
                "mar",
                "msg-" + name,
                TherapyEventType.SUPPORTIVE_DRUG_GIVEN,
                null,
                null,
                null,
                null,
                null,
                null,
                SupportiveDrug.VASOPRESSOR,
                running,
                false);
    }

    private static NeurologicAssessmentRecorded neuro(
            String name, Instant at, int ice, LevelOfConsciousness consciousness) {
        return new NeurologicAssessmentRecorded(
                id(name),
                PATIENT,
                at,
                at.plus(Duration.ofMinutes(5)),
                "charting",
                "msg-" + name,
                ice,
                null,
                consciousness,
                SeizureFinding.NONE,
                MotorFinding.NONE,
                IntracranialPressureFinding.NONE,
                ResultStatus.FINAL);
    }

    private static ClinicalFindingRecorded finding(String name, Instant at, ClinicalFinding finding) {
        return new ClinicalFindingRecorded(
                id(name),
                PATIENT,
                at,
                at.plus(Duration.ofMinutes(1)),
                "ehr",
                "msg-" + name,
                finding,
                true,
                "http://snomed.info/sct|389026000",
                "cond-" + name);
    }

    private static DosePlanned plan(String name, Instant orderedAt, Instant plannedFor, int cycleDay, boolean cancel) {
        return new DosePlanned(
                id(name + (cancel ? "-cancelled" : "")),
                PATIENT,
                orderedAt,
                orderedAt.plus(Duration.ofMinutes(1)),
                "cpoe",
                "msg-" + name + (cancel ? "-cancelled" : ""),
                Therapy.INOTUZUMAB_OZOGAMICIN,
                "BESPONSA",
                plannedFor,
                1,
                cycleDay,
                new BigDecimal("0.5"),
                "mg/m2",
                "order-" + name,
                cancel);
    }
}
