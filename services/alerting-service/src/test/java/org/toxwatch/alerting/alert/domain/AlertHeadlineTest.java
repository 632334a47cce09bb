package org.toxwatch.alerting.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.afterCorrectionOf;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessmentAt;
import static org.toxwatch.alerting.alert.domain.Assessments.withCaveats;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityAssessed;

/**
 * Issue 13 item 2: an alert's headline names the assessment that drove the priority it holds, not merely the latest
 * criterion and grade of the episode.
 */
class AlertHeadlineTest {

    private static final Instant EIGHT = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NINE = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-11-20T10:00:00Z");
    private final AlertPolicy policy = new AlertPolicy();

    private AlertEpisode raise(ToxicityAssessed assessment) {
        return AlertEpisode.raise(assessment, policy.decide(assessment).orElseThrow(), UUID.randomUUID(), EIGHT)
                .episode();
    }

    private AlertEpisode apply(AlertEpisode episode, ToxicityAssessed assessment) {
        return episode.apply(assessment, policy.decide(assessment), assessment.assessedAt())
                .episode();
    }

    @Test
    void aNewAlertIsDrivenByTheAssessmentThatRaisedIt() {
        var anc4 = anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, EIGHT);

        var driver = raise(anc4).drivenBy();

        assertThat(driver)
                .isEqualTo(new PriorityDriver(
                        anc4.eventId(), Criterion.NEUTROPHIL_COUNT_DECREASED, 4, EIGHT, anc4.summary()));
    }

    @Test
    void aPlateletGrade3AfterAnAncGrade4InOneCytopeniaEpisodeLeavesTheAncGrade4AsTheDriver() {
        var anc4 = anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, EIGHT);
        var platelets3 = anAssessmentAt("MRN-1", Criterion.PLATELET_COUNT_DECREASED, 3, NINE);

        var episode = apply(raise(anc4), platelets3);

        assertThat(episode.priority()).isEqualTo(AlertPriority.HIGH);
        assertThat(episode.latest().criterion())
                .as("the latest assessment shown")
                .isEqualTo(Criterion.PLATELET_COUNT_DECREASED);
        assertThat(episode.drivenBy())
                .as("the headline")
                .extracting(PriorityDriver::criterion, PriorityDriver::grade, PriorityDriver::assessedAt)
                .containsExactly(Criterion.NEUTROPHIL_COUNT_DECREASED, 4, EIGHT);
    }

    @Test
    void everyTransitionAfterwardsCarriesTheAncGrade4BesideTheLatestPlateletGrade3() {
        var anc4 = anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, EIGHT);
        var platelets3 = anAssessmentAt("MRN-1", Criterion.PLATELET_COUNT_DECREASED, 3, NINE);
        var raised = AlertEpisode.raise(anc4, policy.decide(anc4).orElseThrow(), UUID.randomUUID(), EIGHT);

        var updated = raised.episode().apply(platelets3, policy.decide(platelets3), NINE);
        var acknowledged = ((AlertEpisode.Decision.Changed) updated.episode().acknowledge("dr.grey", null, TEN))
                .change()
                .event();

        assertThat(raised.event())
                .extracting(AlertChanged::drivenByCriterion, AlertChanged::drivenByGrade)
                .containsExactly(Criterion.NEUTROPHIL_COUNT_DECREASED, 4);
        assertThat(List.of(updated.event(), acknowledged))
                .allSatisfy(event -> assertThat(event)
                        .extracting(
                                AlertChanged::criterion,
                                AlertChanged::grade,
                                AlertChanged::drivenByCriterion,
                                AlertChanged::drivenByGrade)
                        .containsExactly(
                                Criterion.PLATELET_COUNT_DECREASED, 3, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
    }

    @Test
    void aCrsGrade3ThatFallsTo1KeepsTheAlertHighAndDrivenByTheGrade3WhileTheCurrentGradeIs1() {
        var crs3 = anAssessmentAt("MRN-1", Criterion.CYTOKINE_RELEASE_SYNDROME, 3, EIGHT);
        var crs1 = anAssessmentAt("MRN-1", Criterion.CYTOKINE_RELEASE_SYNDROME, 1, NINE);

        var episode = apply(raise(crs3), crs1);

        assertThat(episode.priority()).isEqualTo(AlertPriority.HIGH);
        assertThat(episode.latest().grade()).as("current grade").isEqualTo(1);
        assertThat(episode.drivenBy().assessmentEventId()).isEqualTo(crs3.eventId());
        assertThat(episode.drivenBy().grade()).isEqualTo(3);
    }

    @Test
    void withinOnePriorityTheHighestGradeDrivesIt() {
        var crs2 = anAssessmentAt("MRN-1", Criterion.CYTOKINE_RELEASE_SYNDROME, 2, EIGHT);
        var crs3 = anAssessmentAt("MRN-1", Criterion.CYTOKINE_RELEASE_SYNDROME, 3, NINE);
        var crs2Again = anAssessmentAt("MRN-1", Criterion.CYTOKINE_RELEASE_SYNDROME, 2, TEN);

        var episode = apply(apply(raise(crs2), crs3), crs2Again);

        assertThat(episode.drivenBy().assessmentEventId()).isEqualTo(crs3.eventId());
    }

    @Test
    void aRepeatOfTheSameGradeLeavesTheDriverOnTheAssessmentThatFirstSetThePriority() {
        var anc4 = anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, EIGHT);
        var anc4Again = anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, NINE);

        var episode = apply(raise(anc4), anc4Again);

        assertThat(episode.drivenBy().assessedAt()).isEqualTo(EIGHT);
    }

    @Test
    void aGradeThatRaisesThePriorityBecomesTheDriver() {
        var platelets3 = anAssessmentAt("MRN-1", Criterion.PLATELET_COUNT_DECREASED, 3, EIGHT);
        var anc4 = anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, NINE);

        var medium = raise(platelets3);
        var high = apply(medium, anc4);

        assertThat(medium.drivenBy().criterion()).isEqualTo(Criterion.PLATELET_COUNT_DECREASED);
        assertThat(high.priority()).isEqualTo(AlertPriority.HIGH);
        assertThat(high.drivenBy().criterion()).isEqualTo(Criterion.NEUTROPHIL_COUNT_DECREASED);
    }

    @Test
    void theResultThatConfirmsAnAlertOnACompromisedSpecimenDrivesItNotTheUnconfirmedGrade() {
        var hemolyzed4 = withCaveats(
                anAssessmentAt("MRN-1", Criterion.HYPERKALEMIA, 4, EIGHT), AssessmentCaveat.HEMOLYZED_SPECIMEN);
        var clean3 = anAssessmentAt("MRN-1", Criterion.HYPERKALEMIA, 3, NINE);

        var awaiting = raise(hemolyzed4);
        var confirmed = apply(awaiting, clean3);

        assertThat(awaiting.drivenBy().assessmentEventId()).isEqualTo(hemolyzed4.eventId());
        assertThat(confirmed.priority()).isEqualTo(AlertPriority.MEDIUM);
        assertThat(confirmed.drivenBy().assessmentEventId()).isEqualTo(clean3.eventId());
    }

    @Test
    void whenTheLaboratoryWithdrawsTheDriversResultTheGradeThatStillHoldsThePriorityDrivesIt() {
        var anc4 = anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, EIGHT);
        var platelets3 = anAssessmentAt("MRN-1", Criterion.PLATELET_COUNT_DECREASED, 3, NINE);
        var ancCorrectedTo1 = afterCorrectionOf(anc4, Criterion.NEUTROPHIL_COUNT_DECREASED, 1);

        var episode = apply(apply(raise(anc4), platelets3), ancCorrectedTo1);

        assertThat(episode.priority()).isEqualTo(AlertPriority.MEDIUM);
        assertThat(episode.drivenBy().assessmentEventId()).isEqualTo(platelets3.eventId());
    }
}
