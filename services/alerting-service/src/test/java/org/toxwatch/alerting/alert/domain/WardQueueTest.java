package org.toxwatch.alerting.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessmentAt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityAssessed;

/**
 * Issue 13 item 1: the queue a ward works through. Priority first; within it what nobody has taken charge of; then
 * the grade that drove the priority; then the newest clinical onset; one entry per patient.
 */
class WardQueueTest {

    private static final Instant EIGHT = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NINE = EIGHT.plus(Duration.ofHours(1));
    private static final Instant TEN = EIGHT.plus(Duration.ofHours(2));
    private final AlertPolicy policy = new AlertPolicy();

    private AlertEpisode raise(String patient, Criterion criterion, int grade, Instant onset) {
        ToxicityAssessed assessment = anAssessmentAt(patient, criterion, grade, onset);
        return AlertEpisode.raise(assessment, policy.decide(assessment).orElseThrow(), UUID.randomUUID(), onset)
                .episode();
    }

    private static AlertEpisode acknowledged(AlertEpisode alert) {
        return ((AlertEpisode.Decision.Changed) alert.acknowledge("nurse", null, TEN))
                .change()
                .episode();
    }

    private static AlertEpisode snoozed(AlertEpisode alert) {
        return ((AlertEpisode.Decision.Changed)
                        alert.snooze("nurse", Duration.ofMinutes(30), Duration.ofHours(4), null, TEN))
                .change()
                .episode();
    }

    private static List<String> patientsInOrder(List<AlertEpisode> alerts) {
        return WardQueue.of(alerts).stream()
                .map(WardQueue.PatientAlerts::patientId)
                .toList();
    }

    @Nested
    class WithinOnePriority {

        @Test
        void theHigherGradeComesFirstWhateverItsAge() {
            var anc4Oldest = raise("grade-4", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, EIGHT);
            var crs3Newest = raise("grade-3", Criterion.CYTOKINE_RELEASE_SYNDROME, 3, TEN);
            var crs2 = raise("grade-2", Criterion.CYTOKINE_RELEASE_SYNDROME, 2, NINE);

            assertThat(List.of(anc4Oldest, crs3Newest, crs2)).allMatch(a -> a.priority() == AlertPriority.HIGH);
            assertThat(patientsInOrder(List.of(crs2, crs3Newest, anc4Oldest)))
                    .containsExactly("grade-4", "grade-3", "grade-2");
        }

        @Test
        void atTheSameGradeTheNewestOnsetComesFirst() {
            var since8 = raise("since-8", Criterion.CYTOKINE_RELEASE_SYNDROME, 3, EIGHT);
            var since10 = raise("since-10", Criterion.CYTOKINE_RELEASE_SYNDROME, 3, TEN);
            var since9 = raise("since-9", Criterion.CYTOKINE_RELEASE_SYNDROME, 3, NINE);

            assertThat(patientsInOrder(List.of(since8, since10, since9)))
                    .containsExactly("since-10", "since-9", "since-8");
        }

        @Test
        void anOpenAlertComesBeforeAcknowledgedAndSnoozedOnesOfAHigherGrade() {
            var acknowledged4 = acknowledged(raise("acknowledged", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, TEN));
            var snoozed4 = snoozed(raise("snoozed", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, TEN));
            var open2 = raise("open", Criterion.CYTOKINE_RELEASE_SYNDROME, 2, EIGHT);

            assertThat(patientsInOrder(List.of(acknowledged4, snoozed4, open2)))
                    .startsWith("open")
                    .containsExactlyInAnyOrder("open", "acknowledged", "snoozed");
        }

        @Test
        void theGradeThatDroveThePriorityCountsNotALowerOneThatFollowed() {
            var crs3 = anAssessmentAt("fell-to-1", Criterion.CYTOKINE_RELEASE_SYNDROME, 3, EIGHT);
            var fellTo1 = AlertEpisode.raise(crs3, policy.decide(crs3).orElseThrow(), UUID.randomUUID(), EIGHT)
                    .episode();
            var crs1 = anAssessmentAt("fell-to-1", Criterion.CYTOKINE_RELEASE_SYNDROME, 1, TEN);
            fellTo1 = fellTo1.apply(crs1, policy.decide(crs1), TEN).episode();
            var crs2 = raise("grade-2", Criterion.CYTOKINE_RELEASE_SYNDROME, 2, NINE);

            assertThat(patientsInOrder(List.of(crs2, fellTo1))).containsExactly("fell-to-1", "grade-2");
            assertThat(WardQueue.onset(fellTo1)).as("onset of the grade 3").isEqualTo(EIGHT);
        }
    }

    @Test
    void everyHighComesBeforeAnyMediumAndEveryMediumBeforeAnyLow() {
        var medium = raise("medium", Criterion.PLATELET_COUNT_DECREASED, 3, TEN);
        var high = raise("high", Criterion.CYTOKINE_RELEASE_SYNDROME, 2, EIGHT);
        var low = raise("low", Criterion.RESULT_OVERDUE, 1, TEN);

        assertThat(List.of(high.priority(), medium.priority(), low.priority()))
                .containsExactly(AlertPriority.HIGH, AlertPriority.MEDIUM, AlertPriority.LOW);
        assertThat(patientsInOrder(List.of(low, medium, high))).containsExactly("high", "medium", "low");
    }

    @Test
    void aPatientHasOneEntryHoldingTheirAlertsMostUrgentFirstPlacedByTheMostUrgent() {
        var crsOfA = raise("A", Criterion.CYTOKINE_RELEASE_SYNDROME, 2, TEN);
        var altOfB = raise("B", Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3, TEN);
        var ancOfB = raise("B", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, EIGHT);

        var queue = WardQueue.of(List.of(crsOfA, altOfB, ancOfB));

        assertThat(queue).extracting(WardQueue.PatientAlerts::patientId).containsExactly("B", "A");
        assertThat(queue.getFirst().alerts()).containsExactly(ancOfB, altOfB);
        assertThat(queue.getFirst().mostUrgent()).isEqualTo(ancOfB);
    }

    @Test
    void anEmptyQueueHasNoEntries() {
        assertThat(WardQueue.of(List.of())).isEmpty();
    }
}
