package org.toxwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.toxwatch.launcher.parity.CalculatorRendering;
import org.toxwatch.launcher.parity.ClinicalCourses;
import org.toxwatch.launcher.parity.Course;
import org.toxwatch.launcher.parity.FhirRendering;
import org.toxwatch.launcher.parity.Hl7Rendering;
import org.toxwatch.launcher.parity.JsonRendering;
import org.toxwatch.model.Criterion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Path parity (issue 14): one clinical course, sent as HL7 v2 over MLLP, as FHIR R4 transactions and as JSON
 * for three different patients, and asked of the calculator, must come out with the same published grades on
 * every path, and with the grades CRITERIA.md gives for it. Runs against the production jars.
 */
@ExtendWith(RunningPlatform.Shared.class)
class PathParityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration GRADED_WITHIN = Duration.ofSeconds(90);

    /** The overdue-result watch judges against the wall clock, which a calculator request does not have. */
    private static final String WALL_CLOCK_CRITERION = Criterion.RESULT_OVERDUE.id();

    private static RunningPlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.shared();
    }

    static Stream<Course> courses() {
        return ClinicalCourses.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("courses")
    void everyPathPublishesTheGradesTheCalculatorGives(Course course) throws Exception {
        Instant t0 = course.anchor(Instant.now(), Duration.ofHours(1));
        String hl7Patient = patient("HL7");
        String fhirPatient = patient("FHIR");
        String jsonPatient = patient("JSON");

        for (String message : Hl7Rendering.messages(course, hl7Patient, t0)) {
            assertThat(sendOverMllp(message)).as("HL7 acknowledgement").contains("MSA|AA|");
        }
        for (String bundle : FhirRendering.bundles(course, fhirPatient, t0)) {
            var answer = post(ServiceKind.INGEST, "/fhir", bundle, "application/fhir+json");
            assertThat(answer.statusCode())
                    .as("FHIR transaction answer %s", answer.body())
                    .isEqualTo(200);
        }
        for (JsonRendering.Post json : JsonRendering.posts(course, jsonPatient, t0)) {
            var answer = post(ServiceKind.INGEST, json.path(), json.body(), "application/json");
            assertThat(answer.statusCode()).as("JSON answer %s", answer.body()).isEqualTo(202);
        }
        Map<String, JsonNode> calculated = calculate(course, t0);

        assertThat(grades(calculated))
                .as("the calculator grades the course as CRITERIA.md does")
                .containsAllEntriesOf(expected(course));
        for (String patient : List.of(hl7Patient, fhirPatient, jsonPatient)) {
            await().atMost(GRADED_WITHIN)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(published(patient))
                            .as("published verdicts of %s", patient)
                            .isEqualTo(verdicts(calculated)));
        }
        if (course.person() != null) {
            assertNeverGradedHigherThanTheirAgeAllows(course, List.of(hl7Patient, fhirPatient, jsonPatient));
        }
    }

    /**
     * A child's age travels beside her first results (PID-7 in the same ORU, a Patient in the same transaction, a
     * patient record posted first) and must be there when they are graded: an adult "hypotension" published for a
     * moment would already have paged (CRS 2 is a HIGH alert; grade 1 never alerts). The alert's highest grade is the
     * witness: none above the course's grade, held for a while after monitoring settled.
     */
    private void assertNeverGradedHigherThanTheirAgeAllows(Course course, List<String> patients) {
        int expected = course.expectedGrades().get(Criterion.CYTOKINE_RELEASE_SYNDROME);
        if (expected >= 2) {
            for (String patient : patients) {
                await().atMost(GRADED_WITHIN)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> crsAlertOf(patient), alert -> alert != null);
            }
        }
        // Awaitility hands a null value to no predicate, hence the highest grade as a number (0: no alert).
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            int highest = 0;
                            for (String patient : patients) {
                                JsonNode alert = crsAlertOf(patient);
                                highest = Math.max(
                                        highest,
                                        alert == null
                                                ? 0
                                                : alert.get("highestGrade").asInt());
                            }
                            return highest;
                        },
                        highest -> highest <= expected);
    }

    private @Nullable JsonNode crsAlertOf(String patient) throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create(platform.baseUrl(ServiceKind.ALERTING) + "/api/v1/alerts?patientId=" + patient))
                .header("Authorization", RunningPlatform.basic("clinician"))
                .GET()
                .build();
        var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() != 200
                ? null
                : JSON.readTree(answer.body())
                        .valueStream()
                        .filter(alert ->
                                alert.get("criterionId").asString().equals(Criterion.CYTOKINE_RELEASE_SYNDROME.id()))
                        .findFirst()
                        .orElse(null);
    }

    @Test
    void aLongCourseKeepsTheEarlyIcahtGradeOfItsFirstThirtyDays() throws Exception {
        Course course = ClinicalCourses.aHundredAndTwentyDayCarTCourse();
        Instant t0 = course.anchor(Instant.now(), Duration.ofHours(1));
        var firstThirtyDays = new Course(
                "the first 30 days",
                course.steps().stream()
                        .filter(step -> step.at().compareTo(Duration.ofDays(30)) < 0)
                        .toList(),
                Map.of());

        JsonNode early = calculate(firstThirtyDays, t0).get(Criterion.ICAHT_EARLY.id());
        JsonNode whole = calculate(course, t0).get(Criterion.ICAHT_EARLY.id());

        assertThat(early.get("grade").asInt())
                .as("profound neutropenia for 8 days")
                .isPositive();
        assertThat(whole.get("grade")).isEqualTo(early.get("grade"));
    }

    private Map<String, JsonNode> calculate(Course course, Instant t0) throws Exception {
        var answer = post(
                ServiceKind.MONITORING, "/api/v1/grade", CalculatorRendering.request(course, t0), "application/json");
        assertThat(answer.statusCode())
                .as("calculator answer %s", answer.body())
                .isEqualTo(200);
        var byCriterion = new TreeMap<String, JsonNode>();
        JSON.readTree(answer.body())
                .get("assessments")
                .valueStream()
                .filter(assessment -> !assessment.get("criterionId").asString().equals(WALL_CLOCK_CRITERION))
                .forEach(assessment ->
                        byCriterion.put(assessment.get("criterionId").asString(), assessment));
        return byCriterion;
    }

    private Map<String, String> published(String patientId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(
                        platform.baseUrl(ServiceKind.MONITORING) + "/api/v1/patients/" + patientId + "/assessments"))
                .header("Authorization", RunningPlatform.basic("clinician"))
                .GET()
                .build();
        var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        var byCriterion = new TreeMap<String, JsonNode>();
        if (answer.statusCode() == 200) {
            JSON.readTree(answer.body())
                    .valueStream()
                    .filter(assessment ->
                            !assessment.get("criterionId").asString().equals(WALL_CLOCK_CRITERION))
                    .forEach(assessment ->
                            byCriterion.put(assessment.get("criterionId").asString(), assessment));
        }
        return verdicts(byCriterion);
    }

    /**
     * What a clinician acts on: the grade (or why there is none), which thresholds were met, and the caveats. Not
     * the wording: ingest puts a multiplicative unit into its canonical unit before publishing, while the calculator
     * names the unit the clinician typed beside the canonical one ("LLN = 1.8 10*3/uL (1.8 10*9/L)").
     */
    private static Map<String, String> verdicts(Map<String, JsonNode> byCriterion) {
        var view = new TreeMap<String, String>();
        byCriterion.forEach((criterion, assessment) -> {
            var met = new StringBuilder();
            assessment
                    .get("thresholds")
                    .valueStream()
                    .forEach(threshold -> met.append(" grade ")
                            .append(threshold.get("grade").asInt())
                            .append(threshold.get("met").asBoolean() ? " met" : " not met"));
            view.put(
                    criterion,
                    "grade " + assessment.get("grade") + " " + assessment.path("notAssessableReason") + "; thresholds"
                            + met + "; caveats " + assessment.path("caveats"));
        });
        return view;
    }

    private static Map<String, Integer> grades(Map<String, JsonNode> byCriterion) {
        var grades = new TreeMap<String, Integer>();
        byCriterion.forEach((criterion, assessment) -> {
            if (assessment.get("grade").isNumber()) {
                grades.put(criterion, assessment.get("grade").asInt());
            }
        });
        return grades;
    }

    private static Map<String, Integer> expected(Course course) {
        var grades = new TreeMap<String, Integer>();
        course.expectedGrades().forEach((criterion, grade) -> grades.put(criterion.id(), grade));
        return grades;
    }

    private static String patient(String path) {
        return "MRN-PARITY-" + path + "-" + UUID.randomUUID();
    }

    private HttpResponse<String> post(ServiceKind kind, String path, String body, String contentType)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(platform.baseUrl(kind) + path))
                .header("Content-Type", contentType)
                .header(
                        "Authorization",
                        RunningPlatform.basic(kind == ServiceKind.INGEST ? "integration" : "clinician"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String sendOverMllp(String message) throws IOException {
        try (var socket = new Socket("localhost", platform.mllpPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(0x0B);
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {0x1C, 0x0D});
            out.flush();
            var ack = new ByteArrayOutputStream();
            int b;
            while ((b = socket.getInputStream().read()) != 0x1C && b >= 0) {
                if (b != 0x0B) {
                    ack.write(b);
                }
            }
            return ack.toString(StandardCharsets.UTF_8);
        }
    }
}
