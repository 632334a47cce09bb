package org.toxwatch.launcher.parity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A course as a clinician types it into the calculator: results with the units and comparators the laboratory
 * wrote, one set of vital signs per moment (device and flow together), the infusion as a therapy event.
 */
public final class CalculatorRendering {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CalculatorRendering() {}

    public static String request(Course course, Instant t0) {
        ObjectNode request = JSON.createObjectNode();
        if (course.person() != null) {
            request.put("birthDate", course.person().birthDate(t0).toString())
                    .put("sex", course.person().sex());
        }
        ArrayNode labs = request.putArray("labResults");
        ArrayNode therapy = request.putArray("therapyEvents");
        Map<Instant, ObjectNode> vitalsByMoment = new LinkedHashMap<>();
        for (Course.Step step : course.messages().stream().flatMap(List::stream).toList()) {
            Instant at = t0.plus(step.at());
            switch (step) {
                case Course.Lab lab -> {
                    ObjectNode result = labs.addObject()
                            .put("loinc", lab.loinc())
                            .put("observedAt", at.toString())
                            .put("status", lab.statusWord().toUpperCase(Locale.ROOT))
                            .put("sourceObservationId", lab.observationId());
                    if (!lab.cancelled()) {
                        Censored censored = Censored.of(lab.value());
                        result.put("value", censored.number()).put("unit", lab.unit());
                        if (censored.comparator() != null) {
                            result.put("comparator", censored.comparator());
                        }
                    }
                    if (lab.low() != null || lab.high() != null) {
                        result.putObject("referenceRange").put("low", lab.low()).put("high", lab.high());
                    }
                }
                case Course.CarTInfusion infusion ->
                    therapy.addObject()
                            .put("type", "CAR_T_INFUSED")
                            .put("therapy", "CAR_T")
                            .put("product", infusion.product())
                            .put("occurredAt", at.toString());
                case Course.Vital vital ->
                    vital(vitalsByMoment.computeIfAbsent(at, CalculatorRendering::moment), vital);
                case Course.Device device ->
                    vitalsByMoment
                            .computeIfAbsent(at, CalculatorRendering::moment)
                            .put("oxygenDevice", device.device().name());
            }
        }
        ArrayNode vitals = request.putArray("vitalSigns");
        vitalsByMoment.values().forEach(vitals::add);
        return JSON.writeValueAsString(request);
    }

    private static ObjectNode moment(Instant at) {
        return JSON.createObjectNode().put("observedAt", at.toString());
    }

    private static void vital(ObjectNode moment, Course.Vital vital) {
        var value = new BigDecimal(vital.value());
        switch (vital.loinc()) {
            case "8310-5" -> moment.put("temperature", value).put("temperatureUnit", vital.unit());
            case "59408-5" -> moment.put("spo2Percent", value);
            case "3151-8" -> moment.put("oxygenFlowLitresPerMinute", value);
            case "8867-4" -> moment.put("heartRatePerMinute", value);
            case "8480-6" -> moment.put("systolicMmHg", value);
            case "8462-4" -> moment.put("diastolicMmHg", value);
            case "8478-0" -> moment.put("meanArterialMmHg", value);
            default -> throw new IllegalArgumentException("no calculator field for " + vital.loinc());
        }
    }
}
