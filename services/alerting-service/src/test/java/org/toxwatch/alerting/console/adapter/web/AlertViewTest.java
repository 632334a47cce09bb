package org.toxwatch.alerting.console.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessmentAt;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.model.Criterion;
import tools.jackson.databind.json.JsonMapper;

/** The API shows what drove an alert's priority beside the latest assessment it shows. */
class AlertViewTest {

    private static final Instant EIGHT = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NINE = Instant.parse("2026-11-20T09:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AlertPolicy policy = new AlertPolicy();

    @Test
    void aCytopeniaAlertMadeHighByAnAncGrade4ShowsItAsDrivenByThatAndThePlateletGrade3AsTheCurrentGrade() {
        var anc4 = anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, EIGHT);
        var platelets3 = anAssessmentAt("MRN-1", Criterion.PLATELET_COUNT_DECREASED, 3, NINE);
        var raised = AlertEpisode.raise(anc4, policy.decide(anc4).orElseThrow(), UUID.randomUUID(), EIGHT);
        var episode = raised.episode()
                .apply(platelets3, policy.decide(platelets3), NINE)
                .episode();

        var json = JSON.valueToTree(AlertView.of(episode, null));

        assertThat(json.get("priority").asString()).isEqualTo("HIGH");
        assertThat(json.get("criterionId").asString()).isEqualTo("CTCAE-5.0/platelet_count_decreased");
        assertThat(json.get("grade").asInt()).isEqualTo(3);
        var drivenBy = json.get("drivenBy");
        assertThat(drivenBy.get("criterionId").asString()).isEqualTo("CTCAE-5.0/neutrophil_count_decreased");
        assertThat(drivenBy.get("criterion").asString()).isEqualTo("NEUTROPHIL_COUNT_DECREASED");
        assertThat(drivenBy.get("grade").asInt()).isEqualTo(4);
        assertThat(drivenBy.get("currentGrade").asInt())
                .as("no newer neutrophil count")
                .isEqualTo(4);
        assertThat(drivenBy.get("assessedAt").asString()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(drivenBy.get("summary").asString()).isEqualTo(anc4.summary());
        assertThat(drivenBy.get("assessmentEventId").asString())
                .isEqualTo(anc4.eventId().toString());
    }

    @Test
    void aHighCrsAlertWhoseGradeFellShowsTheGrade3ThatDroveItAndTheCurrentGrade1() {
        var crs3 = anAssessmentAt("MRN-1", Criterion.CYTOKINE_RELEASE_SYNDROME, 3, EIGHT);
        var crs1 = anAssessmentAt("MRN-1", Criterion.CYTOKINE_RELEASE_SYNDROME, 1, NINE);
        var raised = AlertEpisode.raise(crs3, policy.decide(crs3).orElseThrow(), UUID.randomUUID(), EIGHT);
        var episode = raised.episode().apply(crs1, policy.decide(crs1), NINE).episode();

        var view = AlertView.of(episode, null);

        assertThat(view.grade()).isEqualTo(1);
        assertThat(view.drivenBy().grade()).isEqualTo(3);
        assertThat(view.drivenBy().currentGrade()).isEqualTo(1);
        assertThat(view.drivenBy().assessedAt()).isEqualTo(EIGHT);
    }
}
