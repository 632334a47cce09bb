package org.toxwatch.launcher.parity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.OxygenDevice;

/**
 * A patient's clinical course as a hospital would send it, written once and played through every path (HL7 v2
 * over MLLP, FHIR R4, JSON and the calculator). Times are offsets from T0 (the infusion or first dose); a
 * course is anchored so that its last step lies in the recent past. Steps that share a {@code message} number
 * travel in one message (one ORU^R01, one FHIR transaction, one JSON array); the order of the numbers is the
 * order in which the hospital sends them, which need not be the clinical order (a late result).
 */
public record Course(String name, @Nullable Person person, List<Step> steps, Map<Criterion, Integer> expectedGrades) {

    /**
     * Who the patient is, as every path states it (HL7 PID-7 and PID-8, FHIR Patient, JSON patient record,
     * calculator fields); a course without one is graded with adult thresholds.
     *
     * @param ageAtT0 the age on the day of T0; the birth date follows from the anchor
     * @param sex {@code FEMALE} or {@code MALE}
     */
    public record Person(Period ageAtT0, String sex) {

        public LocalDate birthDate(Instant t0) {
            return LocalDate.ofInstant(t0, ZoneOffset.UTC).minus(ageAtT0);
        }

        /** HL7 table 0001. */
        public String hl7Sex() {
            return sex.substring(0, 1);
        }
    }

    public Course(String name, List<Step> steps, Map<Criterion, Integer> expectedGrades) {
        this(name, null, steps, expectedGrades);
    }

    /** One item of the course. */
    public sealed interface Step {
        Duration at();

        int message();
    }

    /**
     * A laboratory result as the laboratory wrote it.
     *
     * @param value the number, or a censored value written {@code <0.1}
     * @param unit the unit as written by the laboratory, e.g. {@code K/uL}
     * @param status {@code F}, {@code P}, {@code C} or {@code X} (HL7 OBX-11 letters)
     */
    public record Lab(
            Duration at,
            int message,
            String loinc,
            String value,
            String unit,
            @Nullable BigDecimal low,
            @Nullable BigDecimal high,
            String status,
            String observationId)
            implements Step {

        /** The status as FHIR and the JSON API write it. */
        public String statusWord() {
            return switch (status) {
                case "P" -> "preliminary";
                case "C" -> "corrected";
                case "X" -> "cancelled";
                default -> "final";
            };
        }

        public boolean cancelled() {
            return status.equals("X");
        }
    }

    /** A numeric bedside measurement (temperature, oxygen flow, SpO2, blood pressure) by its LOINC code. */
    public record Vital(Duration at, int message, String loinc, String value, String unit) implements Step {}

    /** The oxygen delivery device, as the calculator names it and as a feed codes it in SNOMED CT. */
    public record Device(Duration at, int message, OxygenDevice device, String snomedCode, String display)
            implements Step {}

    /** CAR T-cells infused (day 0). */
    public record CarTInfusion(Duration at, int message, String product) implements Step {}

    public Course {
        steps = List.copyOf(steps);
        expectedGrades = Map.copyOf(expectedGrades);
    }

    /** The instant T0 must be so that the last step lies {@code margin} before {@code now}. */
    public Instant anchor(Instant now, Duration margin) {
        Duration last =
                steps.stream().map(Step::at).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        return now.minus(margin).minus(last).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    /** The steps grouped into messages, in sending order. */
    public List<List<Step>> messages() {
        var byMessage = new LinkedHashMap<Integer, List<Step>>();
        steps.stream()
                .sorted(Comparator.comparingInt(Step::message))
                .forEach(step -> byMessage
                        .computeIfAbsent(step.message(), m -> new ArrayList<>())
                        .add(step));
        return List.copyOf(byMessage.values());
    }

    @Override
    public String toString() {
        return name;
    }
}
