package org.toxwatch.launcher.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityFamily;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the feed must produce, asked of monitoring's what-if calculator before any fault: each patient's
 * final grade per criterion, and from those the alert episodes (patient x toxicity family) alerting must hold.
 *
 * <p>The alert rule is restated here on purpose, as an independent oracle, for the courses
 * {@link ClinicalCourses} makes (no therapy, no recovery, so every episode raised is still open at the end
 * and was raised by a grade that still holds): an episode exists when any criterion of the family is at a
 * grade the alert policy acts on without therapy context.
 */
record ExpectedOutcome(Map<String, Map<Criterion, Integer>> finalGrades, Set<Episode> episodes) {

    record Episode(String patientId, ToxicityFamily family) implements Comparable<Episode> {
        @Override
        public int compareTo(Episode other) {
            int byPatient = patientId.compareTo(other.patientId);
            return byPatient != 0 ? byPatient : family.compareTo(other.family);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Criterion> FROM_GRADE_2 = Set.of(Criterion.CYTOKINE_RELEASE_SYNDROME, Criterion.ICANS);
    private static final Set<Criterion> WHEN_PRESENT = Set.of(
            Criterion.FEBRILE_NEUTROPENIA,
            Criterion.VOD_SOS,
            Criterion.BESPONSA_PRE_DOSE,
            Criterion.BLINCYTO_ACTION,
            Criterion.HYS_LAW,
            Criterion.RESULT_OVERDUE);

    static ExpectedOutcome ask(String monitoringUrl, String authorization, List<ClinicalCourses.Course> courses)
            throws Exception {
        var http = HttpClient.newHttpClient();
        var finalGrades = new TreeMap<String, Map<Criterion, Integer>>();
        var episodes = new java.util.TreeSet<Episode>();
        for (ClinicalCourses.Course course : courses) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(monitoringUrl + "/api/v1/grade"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Authorization", authorization)
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(requestOf(course))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the calculator answered " + response.statusCode() + ": " + response.body());
            }
            var grades = new HashMap<Criterion, Integer>();
            for (JsonNode assessment : JSON.readTree(response.body()).get("assessments")) {
                if (assessment.get("grade") == null || assessment.get("grade").isNull()) {
                    continue;
                }
                Criterion criterion =
                        Criterion.valueOf(assessment.get("criterion").asString());
                int grade = assessment.get("grade").asInt();
                grades.put(criterion, grade);
                if (alertsOn(criterion, grade)) {
                    episodes.add(new Episode(course.patientId(), criterion.family()));
                }
            }
            finalGrades.put(course.patientId(), Map.copyOf(grades));
        }
        return new ExpectedOutcome(Map.copyOf(finalGrades), Set.copyOf(episodes));
    }

    private static boolean alertsOn(Criterion criterion, int grade) {
        if (FROM_GRADE_2.contains(criterion)) {
            return grade >= 2;
        }
        if (WHEN_PRESENT.contains(criterion)) {
            return grade >= 1;
        }
        return grade >= 3;
    }

    private static Map<String, Object> requestOf(ClinicalCourses.Course course) {
        var labs = new ArrayList<Map<String, Object>>();
        for (ClinicalCourses.Draw draw : course.draws()) {
            for (ClinicalCourses.Result result : draw.results()) {
                var lab = new LinkedHashMap<String, Object>();
                lab.put("loinc", result.loinc());
                lab.put("value", result.value());
                lab.put("unit", result.unit());
                lab.put("observedAt", draw.collectedAt().toString());
                lab.put("referenceRange", Map.of("low", result.low(), "high", result.high()));
                lab.put("status", "FINAL");
                labs.add(lab);
            }
        }
        return Map.of("patientId", course.patientId(), "labResults", labs);
    }
}
