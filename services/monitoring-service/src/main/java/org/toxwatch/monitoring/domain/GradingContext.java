package org.toxwatch.monitoring.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.TherapyContext;
import org.toxwatch.monitoring.domain.CensoredInputs.Labs;
import org.toxwatch.monitoring.domain.CensoredInputs.Outcomes;
import org.toxwatch.monitoring.domain.lab.LabReading;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;
import org.toxwatch.monitoring.domain.patient.AgeNote;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.units.Sex;

/**
 * What a {@link PatientRule} needs besides the patient's state during one grading pass: the hospital's time zone
 * and settings, the patient's age and sex as the rules read them, and the assessments of the criteria graded earlier
 * in the pass (the BLINCYTO action rules read the CRS assessment, which is graded once).
 */
public final class GradingContext {

    private final PatientState patient;
    private final ZoneId hospitalZone;
    private final GradingSettings settings;
    private final List<Assessment> gradedEarlier = new ArrayList<>();
    /** Every rule reads the same results in one pass, most of them twice (over censored inputs): read them once. */
    private final Map<Analyte, List<LabResult>> readable = new EnumMap<>(Analyte.class);
    /** Most assessments of a pass share a handful of times, and the context at a time is the same for each. */
    private final Map<Instant, TherapyContext> therapyContexts = new HashMap<>();

    /** How this pass reads a result: through the readings of the patient's last pass, when the grader keeps them. */
    private final @Nullable RecentLabReadings.Pass readings;

    GradingContext(PatientState patient, ZoneId hospitalZone, GradingSettings settings) {
        this(patient, hospitalZone, settings, null);
    }

    GradingContext(
            PatientState patient,
            ZoneId hospitalZone,
            GradingSettings settings,
            @Nullable RecentLabReadings.Pass readings) {
        this.patient = Objects.requireNonNull(patient, "patient");
        this.hospitalZone = Objects.requireNonNull(hospitalZone, "hospitalZone");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.readings = readings;
    }

    public ZoneId hospitalZone() {
        return hospitalZone;
    }

    public GradingSettings settings() {
        return settings;
    }

    /**
     * The patient's age on the calendar day of {@code at} in the hospital's time zone, for the age-dependent rules
     * (CRITERIA.md 4.4, 5.3, 7.2); empty without a birth date, when a rule uses its adult thresholds and says so with
     * {@link AgeNote}.
     */
    public Optional<AgeAtAssessment> ageAt(Instant at) {
        return patient.profile().ageAt(at, hospitalZone);
    }

    /** The 13.4 default row of the patient's sex (CRITERIA.md 1.3). */
    public Sex sex() {
        return Sex.of(patient.profile().sex());
    }

    /** CRITERIA.md 1.5: calendar days in the hospital's zone; the day of {@code dayZero} is day 0. */
    public int day(Instant dayZero, Instant at) {
        return Math.toIntExact(ChronoUnit.DAYS.between(
                dayZero.atZone(hospitalZone).toLocalDate(),
                at.atZone(hospitalZone).toLocalDate()));
    }

    /** The results of {@code analyte} that can be read (13.3 maps their unit), in the state's order. */
    public List<LabResult> readable(Analyte analyte) {
        var read = readable.get(analyte);
        if (read == null) {
            read = read(analyte);
            readable.put(analyte, read);
        }
        return read;
    }

    private List<LabResult> read(Analyte analyte) {
        var sex = sex();
        var read = new ArrayList<LabResult>();
        for (var result : patient.labsOf(analyte)) {
            var reading = readings == null ? LabResult.read(result, sex) : readings.read(result, sex);
            if (reading instanceof LabReading.Readable readable) {
                read.add(readable.result());
            }
        }
        return List.copyOf(read);
    }

    /**
     * Issue 14 item 3: {@code rule}, which reads {@code analytes} as plain numbers, over every value their censored
     * results allow (see {@link CensoredInputs}), so that no bound is read as if it were the value.
     */
    public @Nullable Assessment overCensored(
            Outcomes outcomes, Function<Labs, @Nullable Assessment> rule, Analyte... analytes) {
        return CensoredInputs.assess(this::readable, Set.of(analytes), outcomes, rule);
    }

    /**
     * The therapy context of {@code patient} at {@code at}, made by {@code make} once per pass and time when
     * {@code patient} is the state this pass grades.
     */
    public TherapyContext therapyContextAt(PatientState patient, Instant at, Supplier<TherapyContext> make) {
        if (patient != this.patient) {
            return make.get();
        }
        var known = therapyContexts.get(at);
        if (known == null) {
            known = make.get();
            therapyContexts.put(at, known);
        }
        return known;
    }

    /** The assessment of {@code criterion} graded earlier in this pass, or null when it was not produced. */
    public @Nullable Assessment gradedEarlier(Criterion criterion) {
        return gradedEarlier.stream()
                .filter(assessment -> assessment.criterion() == criterion)
                .findFirst()
                .orElse(null);
    }

    void graded(Assessment assessment) {
        gradedEarlier.add(assessment);
    }
}
