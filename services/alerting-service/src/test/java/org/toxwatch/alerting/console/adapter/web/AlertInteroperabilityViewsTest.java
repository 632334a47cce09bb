package org.toxwatch.alerting.console.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessmentAt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.alert.domain.AlertDecision;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityAssessed;

/** The FHIR DetectedIssue and the CDS Hooks card say what the console says, in the shapes EHRs read. */
class AlertInteroperabilityViewsTest {

    private static final Instant RAISED_AT = Instant.parse("2026-11-20T09:00:00Z");

    private final AlertEpisode.Change raised = AlertEpisode.raise(
            anAssessment("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4),
            new AlertDecision(AlertPriority.HIGH, "grade 4 -> high", AlertPolicy.VERSION),
            UUID.randomUUID(),
            RAISED_AT);

    @Test
    void anOpenAlertIsAPreliminaryHighSeverityDetectedIssueImplicatingItsObservations() {
        var issue = FhirDetectedIssue.of(raised.episode(), raised.episode().latest(), List.of(raised.event()));

        assertThat(issue)
                .containsEntry("resourceType", "DetectedIssue")
                .containsEntry("status", "preliminary")
                .containsEntry("severity", "high")
                .containsEntry("identifiedDateTime", "2026-11-20T09:00:00Z")
                .doesNotContainKey("mitigation");
        assertThat(issue.get("patient"))
                .isEqualTo(Map.of(
                        "type", "Patient", "identifier", Map.of("system", "urn:toxwatch:patient", "value", "MRN-1")));
        assertThat((List<?>) issue.get("implicated")).hasSize(1);
        Map<?, ?> implicated = (Map<?, ?>) ((List<?>) issue.get("implicated")).getFirst();
        assertThat(implicated.get("type")).isEqualTo("Observation");
        assertThat(implicated.get("display")).isEqualTo("Neutrophils [#/volume] in Blood 0.4 10*9/L");
        assertThat((String) issue.get("detail")).contains("grade 4 -> high", AlertPolicy.VERSION, "test-catalogue");
    }

    @Test
    void anAcknowledgementIsAMitigationAndMakesTheIssueFinal() {
        var acknowledged = ((AlertEpisode.Decision.Changed)
                        raised.episode().acknowledge("dr.grey", "on my way", RAISED_AT.plusSeconds(240)))
                .change();

        var issue = FhirDetectedIssue.of(
                acknowledged.episode(), acknowledged.episode().latest(), List.of(raised.event(), acknowledged.event()));

        assertThat(issue).containsEntry("status", "final");
        assertThat((List<?>) issue.get("mitigation"))
                .singleElement()
                .isEqualTo(Map.of(
                        "action", Map.of("text", "acknowledged: on my way"),
                        "date", "2026-11-20T09:04:00Z",
                        "author", Map.of("display", "dr.grey")));
    }

    @Test
    void aHighAlertIsACriticalCardLinkingToTheConsole() {
        var card = CdsHooksCard.of(raised.episode(), raised.episode().latest(), "https://toxwatch.example");

        assertThat(card)
                .containsEntry("uuid", raised.episode().alertId().toString())
                .containsEntry("summary", "High priority: Neutrophil count decreased grade 4")
                .containsEntry("indicator", "critical");
        assertThat((String) card.get("summary")).hasSizeLessThanOrEqualTo(CdsHooksCard.LONGEST_SUMMARY);
        assertThat((String) card.get("detail")).contains("grade 4 -> high", "Neutrophils [#/volume] in Blood: 0.4");
        assertThat((List<?>) card.get("links"))
                .singleElement()
                .isEqualTo(Map.of(
                        "label", "Open the alert in ToxWatch",
                        "url",
                                "https://toxwatch.example/console/alert.html?id="
                                        + raised.episode().alertId(),
                        "type", "absolute"));
    }

    @Nested
    class WhenALowerGradeFollowsTheOneThatGaveThePriority {

        private final AlertPolicy policy = new AlertPolicy();
        private final ToxicityAssessed anc4 =
                anAssessmentAt("MRN-1", Criterion.NEUTROPHIL_COUNT_DECREASED, 4, RAISED_AT);
        private final ToxicityAssessed platelets3 =
                anAssessmentAt("MRN-1", Criterion.PLATELET_COUNT_DECREASED, 3, RAISED_AT.plusSeconds(3600));
        private final AlertEpisode episode = AlertEpisode.raise(
                        anc4, policy.decide(anc4).orElseThrow(), UUID.randomUUID(), RAISED_AT)
                .episode()
                .apply(platelets3, policy.decide(platelets3), platelets3.assessedAt())
                .episode();

        @Test
        void theDrivingAssessmentIsFoundInThePatientsHistory() {
            assertThat(DrivingAssessment.among(episode, List.of(anc4, platelets3)))
                    .isEqualTo(anc4);
            assertThat(DrivingAssessment.among(episode, List.of(platelets3)))
                    .as("the latest stands in when the history no longer holds the driver")
                    .isEqualTo(platelets3);
        }

        @Test
        void theDetectedIssueIsTheNeutrophilGrade4AndItsDetailAddsTheLatestPlateletGrade() {
            var issue = FhirDetectedIssue.of(episode, anc4, List.of());

            assertThat(issue).containsEntry("severity", "high");
            assertThat(((Map<?, ?>) issue.get("code")).get("text")).isEqualTo("neutrophil count decreased, grade 4");
            assertThat((String) issue.get("detail"))
                    .startsWith(anc4.summary())
                    .endsWith("Latest: " + platelets3.summary());
        }

        @Test
        void theCardsSummaryNamesTheNeutrophilGrade4AndItsDetailTheLatestPlateletGrade() {
            var card = CdsHooksCard.of(episode, anc4, "https://toxwatch.example");

            assertThat(card).containsEntry("summary", "High priority: Neutrophil count decreased grade 4");
            assertThat((String) card.get("detail"))
                    .startsWith(anc4.summary())
                    .endsWith("**Latest:** " + platelets3.summary());
        }
    }
}
