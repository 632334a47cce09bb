package org.toxwatch.alerting.console.adapter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.model.ToxicityAssessed;

/**
 * An alert as a CDS Hooks (2.0) card, for an EHR showing a patient's chart: a summary under 140 characters, an
 * indicator from the priority (high: critical, medium: warning, low: info), the evidence as markdown and a link
 * to the alert in the ToxWatch console. Built as JSON maps so absent values are left out. The card names the
 * assessment that gave the alert its priority and adds the latest assessment when it is another.
 */
final class CdsHooksCard {

    static final int LONGEST_SUMMARY = 140;

    static Map<String, Object> of(AlertEpisode episode, ToxicityAssessed driving, String consoleBaseUrl) {
        var latest = episode.latest();
        var card = new LinkedHashMap<String, Object>();
        card.put("uuid", episode.alertId().toString());
        card.put("summary", summary(episode, driving));
        card.put(
                "indicator",
                switch (episode.priority()) {
                    case HIGH -> "critical";
                    case MEDIUM -> "warning";
                    case LOW -> "info";
                });
        var detail = new StringBuilder()
                .append(driving.summary())
                .append("\n\n**Why ")
                .append(episode.priority().name().toLowerCase(Locale.ROOT))
                .append(" priority:** ")
                .append(episode.priorityReason())
                .append(" (policy ")
                .append(episode.policyVersion())
                .append(", criteria ")
                .append(driving.catalogueVersion())
                .append(")\n\n**Status:** ")
                .append(episode.status().name().toLowerCase(Locale.ROOT));
        for (var evidence : driving.evidence()) {
            detail.append("\n- ").append(evidence.display());
            if (evidence.value() != null) {
                detail.append(": ").append(evidence.value().toPlainString());
                if (evidence.unit() != null) {
                    detail.append(' ').append(evidence.unit());
                }
            }
            detail.append(" (").append(evidence.observedAt()).append(')');
        }
        if (driving.labOnlyGrading()) {
            detail.append("\n\n*").append(AlertView.LAB_ONLY_NOTE).append('*');
        }
        if (!driving.eventId().equals(latest.eventId())) {
            detail.append("\n\n**Latest:** ").append(latest.summary());
        }
        card.put("detail", detail.toString());
        card.put("source", Map.of("label", "ToxWatch", "url", consoleBaseUrl + "/console/"));
        card.put(
                "links",
                List.of(Map.of(
                        "label",
                        "Open the alert in ToxWatch",
                        "url",
                        consoleBaseUrl + "/console/alert.html?id=" + episode.alertId(),
                        "type",
                        "absolute")));
        return card;
    }

    private static String summary(AlertEpisode episode, ToxicityAssessed driving) {
        String term = driving.criterion().term().replace('_', ' ');
        String summary = episode.priority().name().charAt(0)
                + episode.priority().name().substring(1).toLowerCase(Locale.ROOT)
                + " priority: " + Character.toUpperCase(term.charAt(0)) + term.substring(1)
                + (driving.grade() == null ? "" : " grade " + driving.grade());
        return summary.length() <= LONGEST_SUMMARY ? summary : summary.substring(0, LONGEST_SUMMARY - 1) + "…";
    }

    private CdsHooksCard() {}
}
