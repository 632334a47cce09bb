package org.toxwatch.benchmark.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.toxwatch.model.ClinicalEvents;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.Topics;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * The monitoring load: {@code patients x eventsPerPatient} records of CAR-T patients (an infusion ten days ago, then
 * every 4 hours a lab result without a reported range, so the default ranges apply, or vital signs; about 60% labs),
 * the same every time for the same sizes (a fixed seed).
 */
public final class MonitoringBacklog {

    /** The topics the backlog is written to, which both the passthrough and monitoring read. */
    public static final List<String> TOPICS = List.of(Topics.LAB_RESULTS, Topics.VITAL_SIGNS, Topics.THERAPY_EVENTS);

    private static final String[][] LABS = {
        {"751-8", "10*9/L", "2.0"},
        {"777-3", "10*9/L", "120"},
        {"718-7", "g/dL", "10"},
        {"1742-6", "U/L", "60"},
        {"1920-8", "U/L", "50"},
        {"1975-2", "mg/dL", "1.2"},
    };

    /** When the patients take turns, the events each writes in its turn: an ORU message's results. */
    public static final int EVENTS_PER_TURN = 4;

    private static final Duration TEN_DAYS = Duration.ofDays(10);

    private MonitoringBacklog() {}

    /** The measured backlog's patients, on whom the latency load lands too; a warm-up's have a cohort of their own. */
    public static final String MEASURED = "LOAD";

    /** The id of the measured backlog's {@code index}-th patient, so the latency load lands on known patients. */
    public static String patient(int index) {
        return patient(MEASURED, index);
    }

    private static String patient(String cohort, int index) {
        return cohort + "-" + index;
    }

    /**
     * Writes the backlog of the patients {@code cohort-0} to {@code cohort-(patients-1)} and returns how many records
     * it holds, once the broker has them all. Each patient's events follow one another, or, when
     * {@code patientsTakeTurns}, the patients take turns with {@value #EVENTS_PER_TURN} events each (a message's
     * results), every infusion first. Events are 4 hours apart from an infusion far enough back that the last is not
     * in the future.
     */
    public static long write(
            String bootstrapServers, String cohort, int patients, int eventsPerPatient, boolean patientsTakeTurns) {
        var random = new Random(42);
        Duration course = Duration.ofHours(4L * eventsPerPatient).plusDays(1);
        Instant infused = Instant.now().minus(course.compareTo(TEN_DAYS) > 0 ? course : TEN_DAYS);
        long written = 0;
        try (var records = JsonRecords.batching(bootstrapServers)) {
            if (patientsTakeTurns) {
                for (int p = 0; p < patients; p++) {
                    written += infusion(records, patient(cohort, p), infused);
                }
                for (int from = 1; from < eventsPerPatient; from += EVENTS_PER_TURN) {
                    for (int p = 0; p < patients; p++) {
                        for (int e = from; e < Math.min(from + EVENTS_PER_TURN, eventsPerPatient); e++) {
                            written +=
                                    event(records, patient(cohort, p), random, infused.plus(Duration.ofHours(4L * e)));
                        }
                    }
                }
            } else {
                for (int p = 0; p < patients; p++) {
                    String patient = patient(cohort, p);
                    written += infusion(records, patient, infused);
                    for (int e = 1; e < eventsPerPatient; e++) {
                        written += event(records, patient, random, infused.plus(Duration.ofHours(4L * e)));
                    }
                }
            }
            records.flush();
        }
        return written;
    }

    private static int infusion(JsonRecords records, String patient, Instant infused) {
        records.send(
                Topics.THERAPY_EVENTS,
                patient,
                ClinicalEvents.aTherapyEvent(patient, TherapyEventType.CAR_T_INFUSED, Therapy.CAR_T, infused));
        return 1;
    }

    /** A lab result without a reported range (six in ten) or a vital-signs set. */
    private static int event(JsonRecords records, String patient, Random random, Instant at) {
        if (random.nextInt(10) < 6) {
            String[] lab = LABS[random.nextInt(LABS.length)];
            String value = new BigDecimal(lab[2])
                    .multiply(BigDecimal.valueOf(0.5 + random.nextDouble()))
                    .setScale(2, RoundingMode.HALF_UP)
                    .toPlainString();
            records.send(Topics.LAB_RESULTS, patient, ClinicalEvents.aLabResult(patient, lab[0], value, lab[1], at));
        } else {
            records.send(Topics.VITAL_SIGNS, patient, vitals(patient, random, at));
        }
        return 1;
    }

    private static VitalSignsRecorded vitals(String patient, Random random, Instant at) {
        return new VitalSignsRecorded(
                UUID.randomUUID(),
                patient,
                at,
                at.plusSeconds(60),
                "load",
                "backlog-" + UUID.randomUUID(),
                new BigDecimal(36 + random.nextInt(4) + "." + random.nextInt(10)),
                new BigDecimal(70 + random.nextInt(60)),
                new BigDecimal(85 + random.nextInt(50)),
                new BigDecimal(50 + random.nextInt(30)),
                null,
                new BigDecimal(90 + random.nextInt(10)),
                new BigDecimal(12 + random.nextInt(14)),
                null,
                null,
                null,
                ResultStatus.FINAL);
    }
}
