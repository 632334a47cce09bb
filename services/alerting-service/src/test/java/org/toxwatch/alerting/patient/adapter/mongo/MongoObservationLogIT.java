package org.toxwatch.alerting.patient.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.alerting.patient.domain.timeline.ChartedAnalyte;
import org.toxwatch.alerting.patient.domain.timeline.ChartedObservation;
import org.toxwatch.alerting.patient.domain.timeline.TherapyMilestone;
import org.toxwatch.alerting.patient.domain.timeline.TimelineBounds;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/**
 * The observation log against a real MongoDB-wire server: reads show exactly what the bounds keep, and the stored
 * log is trimmed to them once it holds a tenth more, one patient at a time.
 */
@DataMongoTest
class MongoObservationLogIT {

    private static final Instant NEWEST = Instant.parse("2026-11-30T08:00:00Z");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "observation-log-it");
    }

    @Autowired
    MongoTemplate mongoTemplate;

    @Test
    void aReadShowsTheNewestPerPatientAndTheStoredLogIsTrimmedOnceItHoldsATenthMore() {
        var log = new MongoObservationLog(mongoTemplate, new TimelineBounds(3, Duration.ofDays(365)));
        String patient = aPatient();
        for (int hoursBefore = 3; hoursBefore >= 0; hoursBefore--) {
            log.recordObservations(List.of(anc(patient, NEWEST.minus(Duration.ofHours(hoursBefore)))));
        }

        assertThat(observedTimes(log, patient))
                .containsExactly(NEWEST.minus(Duration.ofHours(2)), NEWEST.minus(Duration.ofHours(1)), NEWEST);
        assertThat(stored("observations", patient)).isEqualTo(4);

        log.recordObservations(List.of(anc(patient, NEWEST.plus(Duration.ofHours(1)))));

        assertThat(stored("observations", patient)).isEqualTo(3);
        assertThat(observedTimes(log, patient))
                .containsExactly(NEWEST.minus(Duration.ofHours(1)), NEWEST, NEWEST.plus(Duration.ofHours(1)));
    }

    @Test
    void nothingMoreThanTheRetentionBeforeTheNewestIsShownAndItIsDroppedOnceATenthBeyond() {
        var log = new MongoObservationLog(mongoTemplate, new TimelineBounds(100, Duration.ofDays(10)));
        String patient = aPatient();
        log.recordObservations(List.of(anc(patient, NEWEST.minus(Duration.ofDays(10)))));
        log.recordObservations(
                List.of(anc(patient, NEWEST.minus(Duration.ofDays(10)).minusMillis(1))));
        log.recordObservations(List.of(anc(patient, NEWEST)));

        assertThat(observedTimes(log, patient)).containsExactly(NEWEST.minus(Duration.ofDays(10)), NEWEST);
        assertThat(stored("observations", patient)).isEqualTo(3);

        log.recordObservations(
                List.of(anc(patient, NEWEST.plus(Duration.ofDays(1)).plusMillis(1))));

        // the trim drops what the retention leaves out before the new newest, no more
        assertThat(stored("observations", patient)).isEqualTo(2);
        assertThat(observedTimes(log, patient))
                .containsExactly(NEWEST, NEWEST.plus(Duration.ofDays(1)).plusMillis(1));
    }

    @Test
    void aTrimRecountsWhatARedeliveryCountedTwice() {
        var log = new MongoObservationLog(mongoTemplate, new TimelineBounds(2, Duration.ofDays(365)));
        String patient = aPatient();
        var redelivered = anc(patient, NEWEST);
        for (int delivery = 0; delivery < 4; delivery++) {
            log.recordObservations(List.of(redelivered));
        }
        log.recordObservations(List.of(anc(patient, NEWEST.plusSeconds(1))));
        log.recordObservations(List.of(anc(patient, NEWEST.plusSeconds(2))));

        // after the trim at the fourth delivery one entry is counted, not four, so two more are not yet due one
        assertThat(stored("observations", patient)).isEqualTo(3);
        assertThat(observedTimes(log, patient)).containsExactly(NEWEST.plusSeconds(1), NEWEST.plusSeconds(2));
    }

    @Test
    void aTrimLeavesEveryOtherPatientsLogAsItWas() {
        var log = new MongoObservationLog(mongoTemplate, new TimelineBounds(1, Duration.ofDays(1)));
        String other = aPatient();
        log.recordObservations(List.of(anc(other, NEWEST.minus(Duration.ofDays(30)))));
        String patient = aPatient();
        for (int minutes = 0; minutes < 3; minutes++) {
            log.recordObservations(List.of(anc(patient, NEWEST.plus(Duration.ofMinutes(minutes)))));
        }

        assertThat(stored("observations", patient)).isEqualTo(1);
        assertThat(stored("observations", other)).isEqualTo(1);
        assertThat(observedTimes(log, other)).containsExactly(NEWEST.minus(Duration.ofDays(30)));
    }

    @Test
    void aBatchOfSeveralPatientsIsKeptOnceEachAndCountedPerPatient() {
        var log = new MongoObservationLog(mongoTemplate, new TimelineBounds(2, Duration.ofDays(365)));
        String first = aPatient();
        String second = aPatient();
        var twiceInTheBatch = anc(first, NEWEST);

        log.recordObservations(
                List.of(twiceInTheBatch, anc(second, NEWEST), twiceInTheBatch, anc(first, NEWEST.plusSeconds(1))));

        assertThat(stored("observations", first)).isEqualTo(2);
        assertThat(stored("observations", second)).isEqualTo(1);

        // the first patient's extent counted three, the repeat included, so one more makes a trim due
        log.recordObservations(List.of(anc(first, NEWEST.plusSeconds(2))));

        assertThat(stored("observations", first)).isEqualTo(2);
        assertThat(observedTimes(log, first)).containsExactly(NEWEST.plusSeconds(1), NEWEST.plusSeconds(2));
        assertThat(stored("observations", second)).isEqualTo(1);
    }

    @Test
    void therapyEventsAreBoundedOnTheirOwn() {
        var log = new MongoObservationLog(mongoTemplate, new TimelineBounds(1, Duration.ofDays(365)));
        String patient = aPatient();
        log.recordObservations(List.of(anc(patient, NEWEST)));
        for (int day = 0; day < 3; day++) {
            log.recordTherapy(List.of(dose(patient, NEWEST.plus(Duration.ofDays(day)))));
        }

        assertThat(stored("therapy_events", patient)).isEqualTo(1);
        assertThat(log.of(patient).therapy())
                .extracting(TherapyMilestone::occurredAt)
                .containsExactly(NEWEST.plus(Duration.ofDays(2)));
        assertThat(observedTimes(log, patient)).containsExactly(NEWEST);
    }

    private List<Instant> observedTimes(MongoObservationLog log, String patient) {
        return log.of(patient).observations().stream()
                .map(ChartedObservation::observedAt)
                .toList();
    }

    private long stored(String collection, String patient) {
        return mongoTemplate.count(Query.query(Criteria.where("patientId").is(patient)), collection);
    }

    private static String aPatient() {
        return "MRN-" + UUID.randomUUID();
    }

    private static ChartedObservation anc(String patient, Instant observedAt) {
        return new ChartedObservation(
                UUID.randomUUID(),
                patient,
                ChartedAnalyte.ANC,
                "751-8",
                new BigDecimal("0.4"),
                "10*9/L",
                null,
                null,
                observedAt,
                observedAt.plus(Duration.ofMinutes(40)),
                "lab-1",
                null,
                ResultStatus.FINAL);
    }

    private static TherapyMilestone dose(String patient, Instant at) {
        return new TherapyMilestone(
                UUID.randomUUID(),
                patient,
                at,
                TherapyEventType.DOSE_ADMINISTERED,
                Therapy.BLINATUMOMAB,
                null,
                null,
                null);
    }
}
