package org.toxwatch.alerting.console.adapter.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ToxicityAssessed;

/**
 * An alert as a FHIR R4 {@code DetectedIssue}: the toxicity detected for a patient, how severe, which
 * observations implicate it, and what clinicians did about it ({@code mitigation}, from the audit trail).
 * Built as plain JSON maps so absent values are left out, as FHIR requires. Patients and observations are
 * logical references (identifiers), since ToxWatch holds no FHIR server of its own.
 *
 * <p>The issue is the assessment that gave the alert its priority (a neutrophil count grade 4 that made a cytopenia
 * alert high stays the issue after a platelet count grade 3 follows); the detail adds the latest assessment when it
 * is another.
 *
 * <p>Status: {@code preliminary} until a clinician has acknowledged or resolved the alert, then {@code final}.
 */
final class FhirDetectedIssue {

    static final String MEDIA_TYPE = "application/fhir+json";
    static final String ALERT_SYSTEM = "urn:toxwatch:alert";
    static final String PATIENT_SYSTEM = "urn:toxwatch:patient";
    static final String OBSERVATION_SYSTEM = "urn:toxwatch:observation";
    static final String CRITERION_SYSTEM = "urn:toxwatch:criterion";

    private static final Set<AlertTransition> MITIGATIONS = Set.of(
            AlertTransition.ACKNOWLEDGED, AlertTransition.SNOOZED, AlertTransition.ASSIGNED, AlertTransition.RESOLVED);

    static Map<String, Object> of(AlertEpisode episode, ToxicityAssessed driving, List<AlertChanged> audit) {
        var issue = new LinkedHashMap<String, Object>();
        issue.put("resourceType", "DetectedIssue");
        issue.put("id", episode.alertId().toString());
        issue.put("meta", Map.of("lastUpdated", episode.updatedAt().toString()));
        issue.put(
                "identifier",
                List.of(Map.of(
                        "system", ALERT_SYSTEM, "value", episode.alertId().toString())));
        issue.put("status", reviewed(episode.status()) ? "final" : "preliminary");
        issue.put(
                "code",
                Map.of(
                        "coding",
                        List.of(Map.of(
                                "system",
                                CRITERION_SYSTEM,
                                "code",
                                driving.criterionId(),
                                "display",
                                driving.criterion().term().replace('_', ' '))),
                        "text",
                        driving.criterion().term().replace('_', ' ')
                                + (driving.grade() == null ? "" : ", grade " + driving.grade())));
        issue.put("severity", severity(episode));
        issue.put(
                "patient",
                Map.of(
                        "type",
                        "Patient",
                        "identifier",
                        Map.of("system", PATIENT_SYSTEM, "value", episode.patientId())));
        issue.put("identifiedDateTime", episode.createdAt().toString());
        issue.put("author", Map.of("display", "ToxWatch alerting (" + episode.policyVersion() + ")"));
        var observations =
                driving.evidence().stream().map(FhirDetectedIssue::observation).toList();
        if (!observations.isEmpty()) {
            issue.put("implicated", observations);
            issue.put("evidence", List.of(Map.of("detail", observations)));
        }
        issue.put("detail", detail(episode, driving));
        var mitigation = new ArrayList<Map<String, Object>>();
        for (AlertChanged change : audit) {
            if (MITIGATIONS.contains(change.transition())) {
                String action = change.transition().name().toLowerCase(Locale.ROOT)
                        + (change.reason() == null ? "" : ": " + change.reason());
                mitigation.add(Map.of(
                        "action",
                        Map.of("text", action),
                        "date",
                        change.occurredAt().toString(),
                        "author",
                        Map.of("display", change.actor())));
            }
        }
        if (!mitigation.isEmpty()) {
            issue.put("mitigation", mitigation);
        }
        return issue;
    }

    private static boolean reviewed(AlertStatus status) {
        return status == AlertStatus.ACKNOWLEDGED || status == AlertStatus.RESOLVED;
    }

    /** IEC 60601-1-8 priority to FHIR's detected-issue severity: high, moderate, low. */
    private static String severity(AlertEpisode episode) {
        return switch (episode.priority()) {
            case HIGH -> "high";
            case MEDIUM -> "moderate";
            case LOW -> "low";
        };
    }

    private static Map<String, Object> observation(Evidence evidence) {
        String display = evidence.display()
                + (evidence.value() == null
                        ? ""
                        : " " + evidence.value().toPlainString()
                                + (evidence.unit() == null ? "" : " " + evidence.unit()));
        return Map.of(
                "type",
                "Observation",
                "identifier",
                Map.of("system", OBSERVATION_SYSTEM, "value", evidence.eventId().toString()),
                "display",
                display);
    }

    private static String detail(AlertEpisode episode, ToxicityAssessed driving) {
        var latest = episode.latest();
        var text = new StringBuilder(driving.summary())
                .append(" Priority ")
                .append(episode.priority().name().toLowerCase(Locale.ROOT))
                .append(" (")
                .append(episode.priorityReason())
                .append("; policy ")
                .append(episode.policyVersion())
                .append(", criteria ")
                .append(driving.catalogueVersion())
                .append(").");
        if (driving.labOnlyGrading()) {
            text.append(" Note: ").append(AlertView.LAB_ONLY_NOTE).append('.');
        }
        if (!driving.eventId().equals(latest.eventId())) {
            text.append(" Latest: ").append(latest.summary());
        }
        return text.toString();
    }

    private FhirDetectedIssue() {}
}
