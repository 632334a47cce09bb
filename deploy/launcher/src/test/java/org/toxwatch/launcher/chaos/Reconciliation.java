package org.toxwatch.launcher.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityFamily;
import org.toxwatch.testinfrastructure.TopicContents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the platform holds after the run, set against what the calculator said it must: alert episodes (from
 * alerting's API), RAISED transitions (from the alert-event topic), webhook deliveries (from the receiver) and
 * each patient's current grades (from the compacted patient-grades topic).
 */
record Reconciliation(
        int alertsExpected,
        int alertsFound,
        List<String> alertsMissing,
        List<String> alertsDuplicated,
        List<String> alertsUnexpected,
        int raisedTransitions,
        List<String> raisedMissingOnTopic,
        List<String> raisedDuplicated,
        int webhookDeliveries,
        List<String> webhookLost,
        List<String> webhookDuplicated,
        List<String> patientsGradedDifferently) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    boolean complete() {
        return alertsMissing.isEmpty()
                && alertsDuplicated.isEmpty()
                && alertsUnexpected.isEmpty()
                && raisedMissingOnTopic.isEmpty()
                && raisedDuplicated.isEmpty()
                && webhookLost.isEmpty()
                && webhookDuplicated.isEmpty()
                && patientsGradedDifferently.isEmpty();
    }

    String figures() {
        return "alerts expected %d / found %d / missing %d / duplicated %d / unexpected %d; RAISED transitions %d"
                        .formatted(
                                alertsExpected,
                                alertsFound,
                                alertsMissing.size(),
                                alertsDuplicated.size(),
                                alertsUnexpected.size(),
                                raisedTransitions)
                + " (missing %d, duplicated %d); webhook deliveries %d (lost %d, duplicated %d); patients graded differently %d"
                        .formatted(
                                raisedMissingOnTopic.size(),
                                raisedDuplicated.size(),
                                webhookDeliveries,
                                webhookLost.size(),
                                webhookDuplicated.size(),
                                patientsGradedDifferently.size());
    }

    static Reconciliation of(
            ExpectedOutcome expected,
            String alertingUrl,
            String authorization,
            String bootstrapServers,
            WebhookReceiver webhooks)
            throws Exception {
        var http = HttpClient.newHttpClient();
        var alertsByEpisode = new HashMap<ExpectedOutcome.Episode, List<String>>();
        for (String patientId : expected.finalGrades().keySet()) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(alertingUrl + "/api/v1/alerts?limit=500&patientId=" + patientId))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", authorization)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("alerting answered " + response.statusCode());
            }
            for (JsonNode alert : JSON.readTree(response.body())) {
                var episode = new ExpectedOutcome.Episode(
                        patientId, ToxicityFamily.valueOf(alert.get("family").asString()));
                alertsByEpisode
                        .computeIfAbsent(episode, e -> new ArrayList<>())
                        .add(alert.get("alertId").asString());
            }
        }
        var missing = new TreeSet<String>();
        var duplicated = new TreeSet<String>();
        var unexpected = new TreeSet<String>();
        var alertIds = new HashSet<String>();
        for (ExpectedOutcome.Episode episode : expected.episodes()) {
            List<String> found = alertsByEpisode.getOrDefault(episode, List.of());
            if (found.isEmpty()) {
                missing.add(episode.toString());
            } else if (found.size() > 1) {
                duplicated.add(episode + " x" + found.size());
            }
        }
        alertsByEpisode.forEach((episode, ids) -> {
            alertIds.addAll(ids);
            if (!expected.episodes().contains(episode)) {
                unexpected.add(episode.toString());
            }
        });

        var raisedEventsByAlert = new HashMap<String, Set<String>>();
        var latestGrades = new HashMap<String, JsonNode>();
        TopicContents.readAll(bootstrapServers, Topics.ALERT_EVENTS, (key, value) -> {
            JsonNode change = JSON.readTree(value);
            if ("RAISED".equals(change.path("transition").asString())) {
                raisedEventsByAlert
                        .computeIfAbsent(change.get("alertId").asString(), id -> new HashSet<>())
                        .add(change.get("eventId").asString());
            }
        });
        TopicContents.readAll(bootstrapServers, Topics.PATIENT_GRADES, (key, value) -> {
            if (key != null && value != null && expected.finalGrades().containsKey(key)) {
                latestGrades.put(key, JSON.readTree(value));
            }
        });
        var raisedMissing = new TreeSet<String>();
        var raisedDuplicated = new TreeSet<String>();
        var raisedEventIds = new HashSet<String>();
        for (String alertId : alertIds) {
            Set<String> events = raisedEventsByAlert.getOrDefault(alertId, Set.of());
            raisedEventIds.addAll(events);
            if (events.isEmpty()) {
                raisedMissing.add(alertId);
            } else if (events.size() > 1) {
                raisedDuplicated.add(alertId + " x" + events.size());
            }
        }
        Map<String, Integer> received = webhooks.received();
        var webhookLost = new TreeSet<String>();
        var webhookDuplicated = new TreeSet<String>();
        for (String eventId : raisedEventIds) {
            int count = received.getOrDefault(eventId, 0);
            if (count == 0) {
                webhookLost.add(eventId);
            } else if (count > 1) {
                webhookDuplicated.add(eventId + " x" + count);
            }
        }
        var gradedDifferently = new TreeSet<String>();
        expected.finalGrades().forEach((patientId, grades) -> {
            Map<Criterion, Integer> published = publishedGrades(latestGrades.get(patientId));
            for (var grade : grades.entrySet()) {
                Integer streamed = published.get(grade.getKey());
                boolean agrees = streamed == null ? grade.getValue() == 0 : streamed.equals(grade.getValue());
                if (!agrees) {
                    gradedDifferently.add(patientId + " " + grade.getKey() + " calculator " + grade.getValue()
                            + " stream " + streamed);
                }
            }
        });
        return new Reconciliation(
                expected.episodes().size(),
                alertsByEpisode.values().stream().mapToInt(List::size).sum(),
                List.copyOf(missing),
                List.copyOf(duplicated),
                List.copyOf(unexpected),
                raisedEventIds.size(),
                List.copyOf(raisedMissing),
                List.copyOf(raisedDuplicated),
                received.values().stream().mapToInt(Integer::intValue).sum(),
                List.copyOf(webhookLost),
                List.copyOf(webhookDuplicated),
                List.copyOf(gradedDifferently));
    }

    private static Map<Criterion, Integer> publishedGrades(JsonNode snapshot) {
        var grades = new HashMap<Criterion, Integer>();
        if (snapshot != null) {
            for (JsonNode grade : snapshot.path("grades")) {
                if (!grade.path("grade").isNull() && !grade.path("grade").isMissingNode()) {
                    grades.put(
                            Criterion.valueOf(grade.get("criterion").asString()),
                            grade.get("grade").asInt());
                }
            }
        }
        return grades;
    }
}
