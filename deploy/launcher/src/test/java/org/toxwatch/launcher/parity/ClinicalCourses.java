package org.toxwatch.launcher.parity;

import static java.time.Duration.ofDays;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.OxygenDevice;

/**
 * The courses every path must grade identically (issue 14, "path parity as a test family"). Expected grades
 * are those CRITERIA.md gives for the course; where a course tests parity only, it expects none.
 */
public final class ClinicalCourses {

    private static final String CBC_UNIT = "K/uL";

    private ClinicalCourses() {}

    public static List<Course> all() {
        return List.of(
                crsWithHighFlowNasalCannula(),
                crsWithHypotensionSentInParts(),
                febrileNeutropeniaInFahrenheit(),
                labsInVendorUnits(),
                correctionsAndCancellations(),
                censoredValues(),
                aLateResult(),
                aHundredAndTwentyDayCarTCourse(),
                childAtTheAgeLimit("a neonate", Period.ofDays(10), "60"),
                childBelowTheAgeLimit("a neonate", Period.ofDays(10), "59"),
                childAtTheAgeLimit("an infant of 6 months", Period.ofMonths(6), "70"),
                childBelowTheAgeLimit("an infant of 6 months", Period.ofMonths(6), "69"),
                childAtTheAgeLimit("a 4-year-old", Period.of(4, 3, 0), "78"),
                childBelowTheAgeLimit("a 4-year-old", Period.of(4, 3, 0), "77"),
                childAtTheAgeLimit("a 14-year-old", Period.of(14, 2, 0), "90"),
                childBelowTheAgeLimit("a 14-year-old", Period.of(14, 2, 0), "89"));
    }

    /**
     * CRITERIA 4.4, children: hypotension is a systolic strictly below the PALS limit for the age (60 mmHg for a
     * neonate, 70 at 1-12 months, 70 + 2 x age at 1-10 years, 90 above 10 years); the mean pressure is an adult
     * criterion only. A febrile child exactly at the limit, with a mean pressure an adult rule would call low, is
     * CRS grade 1.
     */
    static Course childAtTheAgeLimit(String who, Period age, String systolic) {
        return febrileChild(who + " at a systolic of " + systolic + " mmHg, the limit for the age", age, systolic, 1);
    }

    /** One mmHg below the age limit is hypotension: with fever and no vasopressor, CRS grade 2. */
    static Course childBelowTheAgeLimit(String who, Period age, String systolic) {
        return febrileChild(
                who + " at a systolic of " + systolic + " mmHg, below the limit for the age", age, systolic, 2);
    }

    private static Course febrileChild(String name, Period age, String systolic, int grade) {
        Duration day1 = ofDays(1).plusHours(9);
        return new Course(
                "CRS: " + name,
                new Course.Person(age, "FEMALE"),
                List.of(
                        new Course.CarTInfusion(Duration.ZERO, 1, "Kymriah (tisagenlecleucel)"),
                        new Course.Vital(day1, 2, "8310-5", "38.7", "Cel"),
                        new Course.Vital(day1, 2, "8480-6", systolic, "mm[Hg]"),
                        new Course.Vital(day1, 2, "8478-0", "48", "mm[Hg]")),
                Map.of(Criterion.CYTOKINE_RELEASE_SYNDROME, grade));
    }

    /** ASTCT: fever with hypoxia needing a nasal cannula above 6 L/min is grade 3; the flow travels apart. */
    static Course crsWithHighFlowNasalCannula() {
        Duration day2 = ofDays(2).plusHours(8);
        return new Course(
                "CRS: fever, nasal cannula at 8 L/min, the flow sent after its device",
                List.of(
                        new Course.CarTInfusion(Duration.ZERO, 1, "Kymriah (tisagenlecleucel)"),
                        new Course.Vital(day2, 2, "8310-5", "38.6", "Cel"),
                        new Course.Device(day2, 2, OxygenDevice.NASAL_CANNULA, "336623009", "Oxygen nasal cannula"),
                        new Course.Vital(day2, 2, "59408-5", "93", "%"),
                        new Course.Vital(day2, 3, "3151-8", "8", "L/min")),
                Map.of(Criterion.CYTOKINE_RELEASE_SYNDROME, 3));
    }

    /**
     * ASTCT: fever with hypotension not needing a vasopressor is grade 2 (an adult: systolic below 90 mmHg, CRITERIA.md
     * 4.4). The systolic arrives first, the diastolic and a normal mean pressure of the same moment after it: one
     * reading, still hypotensive by its systolic.
     */
    static Course crsWithHypotensionSentInParts() {
        Duration day3 = ofDays(3).plusHours(14);
        return new Course(
                "CRS: fever and a systolic of 85 mmHg, diastolic and mean pressure sent apart",
                List.of(
                        new Course.CarTInfusion(Duration.ZERO, 1, "Kymriah (tisagenlecleucel)"),
                        new Course.Vital(day3, 2, "8310-5", "38.4", "Cel"),
                        new Course.Vital(day3, 2, "8480-6", "85", "mm[Hg]"),
                        new Course.Vital(day3, 3, "8462-4", "55", "mmHg"),
                        new Course.Vital(day3, 3, "8478-0", "66", "mmHg"),
                        new Course.Vital(day3, 3, "8867-4", "128", "/min")),
                Map.of(Criterion.CYTOKINE_RELEASE_SYNDROME, 2));
    }

    /** 101.3 °F is 38.5 °C, above 38.3 °C: with ANC below 1.0 that is febrile neutropenia, grade 3. */
    static Course febrileNeutropeniaInFahrenheit() {
        return new Course(
                "febrile neutropenia with the temperature in °F and the ANC in K/uL",
                List.of(
                        new Course.CarTInfusion(Duration.ZERO, 1, "Kymriah (tisagenlecleucel)"),
                        lab(ofDays(5).plusHours(8), 2, "751-8", "0.3", CBC_UNIT, "1.8", "7.7", "ANC-5"),
                        new Course.Vital(ofDays(5).plusHours(9), 3, "8310-5", "101.3", "degF")),
                Map.of(Criterion.NEUTROPHIL_COUNT_DECREASED, 4, Criterion.FEBRILE_NEUTROPENIA, 3));
    }

    static Course labsInVendorUnits() {
        Duration drawn = ofDays(3).plusHours(6);
        return new Course(
                "labs in the units laboratories write",
                List.of(
                        lab(drawn, 1, "777-3", "18", "K/uL", "150", "400", "PLT-1"),
                        lab(drawn, 1, "6690-2", "0.8", "x10E3/uL", "4.0", "11.0", "WBC-1"),
                        lab(drawn, 1, "718-7", "7.5", "g/dl", "12.0", "16.0", "HGB-1"),
                        lab(drawn, 1, "1742-6", "250", "IU/L", "7", "40", "ALT-1"),
                        lab(drawn, 1, "2823-3", "6.6", "mEq/L", "3.5", "5.1", "K-1"),
                        lab(drawn, 1, "731-0", "150", "{cells}/uL", "1000", "4800", "LYM-1")),
                Map.of(
                        Criterion.PLATELET_COUNT_DECREASED, 4,
                        Criterion.WHITE_BLOOD_CELL_DECREASED, 4,
                        Criterion.ANEMIA, 3,
                        Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3,
                        Criterion.HYPERKALEMIA, 3,
                        Criterion.LYMPHOCYTE_COUNT_DECREASED, 4));
    }

    /** A corrected ANC replaces the one it corrects; a cancelled platelet count is no longer graded. */
    static Course correctionsAndCancellations() {
        Duration drawn = ofDays(4).plusHours(7);
        return new Course(
                "an ANC corrected to normal and a platelet count cancelled",
                List.of(
                        lab(drawn, 1, "751-8", "0.4", "10*9/L", "1.8", "7.7", "ANC-7"),
                        lab(drawn, 1, "777-3", "40", "10*9/L", "150", "400", "PLT-7"),
                        lab(drawn, 2, "751-8", "2.1", "10*9/L", "1.8", "7.7", "ANC-7", "C"),
                        lab(drawn, 2, "777-3", "", "10*9/L", null, null, "PLT-7", "X")),
                Map.of(Criterion.NEUTROPHIL_COUNT_DECREASED, 0));
    }

    /** Every ANC below 0.1 is below 0.5 (grade 4); every platelet count below 20 is below 25 (grade 4). */
    static Course censoredValues() {
        Duration drawn = ofDays(6).plusHours(6);
        return new Course(
                "censored values",
                List.of(
                        lab(drawn, 1, "751-8", "<0.1", "10*9/L", "1.8", "7.7", "ANC-C"),
                        lab(drawn, 1, "777-3", "<20", "10*9/L", "150", "400", "PLT-C")),
                Map.of(Criterion.NEUTROPHIL_COUNT_DECREASED, 4, Criterion.PLATELET_COUNT_DECREASED, 4));
    }

    /** Day 3's result arrives after day 4's: grades must not depend on the order of arrival. */
    static Course aLateResult() {
        return new Course(
                "a result that arrives after a later one",
                List.of(
                        lab(ofDays(4).plusHours(6), 1, "751-8", "1.2", "10*9/L", "1.8", "7.7", "ANC-D4"),
                        lab(ofDays(3).plusHours(6), 2, "751-8", "0.3", "10*9/L", "1.8", "7.7", "ANC-D3")),
                Map.of());
    }

    /**
     * Profound early neutropenia after CAR-T, recovery, and counts until day 120: the early ICAHT grade must
     * survive the late results (the test compares it with the grade of the first 30 days alone).
     */
    public static Course aHundredAndTwentyDayCarTCourse() {
        var steps = new ArrayList<Course.Step>();
        steps.add(new Course.CarTInfusion(Duration.ZERO, 1, "Kymriah (tisagenlecleucel)"));
        int message = 2;
        for (int day = 1; day <= 16; day++) {
            String anc = day <= 8 ? "0.05" : day <= 12 ? "0.4" : "1.6";
            steps.add(lab(ofDays(day).plusHours(6), message++, "751-8", anc, "10*9/L", "1.8", "7.7", "ANC-" + day));
        }
        for (int day : new int[] {30, 60, 90, 105, 120}) {
            steps.add(lab(ofDays(day).plusHours(6), message++, "751-8", "1.9", "10*9/L", "1.8", "7.7", "ANC-" + day));
        }
        return new Course("a 120-day CAR-T course", steps, Map.of());
    }

    private static Course.Lab lab(
            Duration at, int message, String loinc, String value, String unit, String low, String high, String id) {
        return lab(at, message, loinc, value, unit, low, high, id, "F");
    }

    private static Course.Lab lab(
            Duration at,
            int message,
            String loinc,
            String value,
            String unit,
            String low,
            String high,
            String id,
            String status) {
        return new Course.Lab(
                at,
                message,
                loinc,
                value,
                unit,
                low == null ? null : new BigDecimal(low),
                high == null ? null : new BigDecimal(high),
                status,
                id);
    }
}
