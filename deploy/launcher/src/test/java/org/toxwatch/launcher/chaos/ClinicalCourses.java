package org.toxwatch.launcher.chaos;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic clinical feed: for each patient a daily blood count and liver panel over some days, from
 * one seed. Counts only fall and liver values only rise, so no toxicity recovers: every alert the feed must
 * raise is open at the end, whenever the run's faults struck, and the expected alerts follow from the final
 * grades alone.
 */
public final class ClinicalCourses {

    /** One result as the JSON API takes it. */
    public record Result(String loinc, BigDecimal value, String unit, BigDecimal low, BigDecimal high) {}

    /** The results of one patient collected at one time, posted as one JSON array. */
    public record Draw(String sourceMessagePrefix, Instant collectedAt, List<Result> results) {}

    public record Course(String patientId, List<Draw> draws) {
        public int events() {
            return draws.stream().mapToInt(draw -> draw.results().size()).sum();
        }
    }

    private ClinicalCourses() {}

    /**
     * @param run names this run's patients, so runs on one store never mix
     * @param lastDraw when the newest draw was collected; the others are a day apart before it
     */
    public static List<Course> generate(String run, int patients, int days, long seed, Instant lastDraw) {
        var random = new SplittableRandom(seed);
        var courses = new ArrayList<Course>();
        for (int p = 0; p < patients; p++) {
            String patientId = "CHAOS-" + run + "-" + p;
            double anc = between(random, 1.5, 4.5);
            double platelets = between(random, 120, 320);
            double hemoglobin = between(random, 10.5, 14.5);
            double alt = between(random, 15, 45);
            double bilirubin = between(random, 0.3, 1.1);
            // Some patients barely move, so the feed also has patients it must not alert on.
            double pace = random.nextInt(4) == 0 ? 0.15 : 1.0;
            var draws = new ArrayList<Draw>();
            for (int day = 0; day < days; day++) {
                Instant collected = lastDraw.minus(Duration.ofDays(days - 1 - day));
                draws.add(new Draw(
                        patientId + "-d" + day,
                        collected,
                        List.of(
                                result("751-8", anc, 2, "10*9/L", "1.8", "7.7"),
                                result("777-3", platelets, 0, "10*9/L", "150", "400"),
                                result("718-7", hemoglobin, 1, "g/dL", "12.0", "16.0"),
                                result("1742-6", alt, 0, "U/L", "7", "40"),
                                result("1975-2", bilirubin, 2, "mg/dL", "0.1", "1.2"))));
                anc = Math.max(0.05, anc * (1 - pace * between(random, 0.0, 0.22)));
                platelets = Math.max(3, platelets * (1 - pace * between(random, 0.0, 0.18)));
                hemoglobin = Math.max(6.0, hemoglobin * (1 - pace * between(random, 0.0, 0.05)));
                alt = Math.min(1500, alt * (1 + pace * between(random, 0.0, 0.35)));
                bilirubin = Math.min(25, bilirubin * (1 + pace * between(random, 0.0, 0.25)));
            }
            courses.add(new Course(patientId, List.copyOf(draws)));
        }
        return List.copyOf(courses);
    }

    private static Result result(String loinc, double value, int scale, String unit, String low, String high) {
        return new Result(
                loinc,
                BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP),
                unit,
                new BigDecimal(low),
                new BigDecimal(high));
    }

    private static double between(SplittableRandom random, double low, double high) {
        return low + random.nextDouble() * (high - low);
    }
}
