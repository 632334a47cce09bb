package org.toxwatch.launcher.parity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A course as an integration engine posts it to ToxWatch's JSON API: one array of observations per message,
 * one therapy event per infusion.
 */
public final class JsonRendering {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request body and the path it is posted to. */
    public record Post(String path, String body) {}

    private JsonRendering() {}

    public static List<Post> posts(Course course, String patientId, Instant t0) {
        var posts = new ArrayList<Post>();
        if (course.person() != null) {
            ObjectNode patient = JSON.createObjectNode()
                    .put("patientId", patientId)
                    .put("recordedAt", t0.minus(java.time.Duration.ofDays(1)).toString())
                    .put("sourceMessageId", "PAR-" + UUID.randomUUID())
                    .put("familyName", "Parity")
                    .put("givenName", "Patient")
                    .put("birthDate", course.person().birthDate(t0).toString())
                    .put("sex", course.person().sex());
            posts.add(new Post("/api/v1/patients", JSON.writeValueAsString(patient)));
        }
        for (List<Course.Step> message : course.messages()) {
            String messageId = "PAR-" + UUID.randomUUID();
            if (message.getFirst() instanceof Course.CarTInfusion infusion) {
                ObjectNode event = JSON.createObjectNode()
                        .put("patientId", patientId)
                        .put("type", "CAR_T_INFUSED")
                        .put("therapy", "CAR_T")
                        .put("product", infusion.product())
                        .put("occurredAt", t0.plus(infusion.at()).toString())
                        .put("sourceMessageId", messageId);
                posts.add(new Post("/api/v1/therapy-events", JSON.writeValueAsString(event)));
                continue;
            }
            ArrayNode observations = JSON.createArrayNode();
            for (Course.Step step : message) {
                ObjectNode observation = observations
                        .addObject()
                        .put("patientId", patientId)
                        .put("effectiveTime", t0.plus(step.at()).toString())
                        .put("sourceMessageId", messageId);
                switch (step) {
                    case Course.Lab lab -> {
                        observation.put("loinc", lab.loinc()).put("sourceObservationId", lab.observationId());
                        observation.put("status", lab.statusWord());
                        if (!lab.cancelled()) {
                            number(observation, lab.value()).put("unit", lab.unit());
                        }
                        if (lab.low() != null || lab.high() != null) {
                            observation
                                    .putObject("referenceRange")
                                    .put("low", lab.low())
                                    .put("high", lab.high());
                        }
                    }
                    case Course.Vital vital ->
                        number(observation.put("loinc", vital.loinc()), vital.value())
                                .put("unit", vital.unit());
                    case Course.Device device ->
                        observation.put("loinc", "107117-4").put("valueCode", device.snomedCode());
                    default -> throw new IllegalArgumentException("not an observation: " + step);
                }
            }
            posts.add(new Post("/api/v1/observations", JSON.writeValueAsString(observations)));
        }
        return posts;
    }

    private static ObjectNode number(ObjectNode observation, String written) {
        Censored censored = Censored.of(written);
        if (censored.comparator() != null) {
            observation.put("comparator", censored.comparator());
        }
        return observation.put("value", censored.number());
    }
}
