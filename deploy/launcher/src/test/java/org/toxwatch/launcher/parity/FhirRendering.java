package org.toxwatch.launcher.parity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A course as a FHIR R4 client sends it: one transaction Bundle per message, Observations with {@code
 * valueQuantity} (the unit as the laboratory wrote it, a {@code comparator} for a censored value) or a SNOMED CT
 * {@code valueCodeableConcept}, and a MedicationAdministration per infusion.
 */
public final class FhirRendering {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FhirRendering() {}

    public static List<String> bundles(Course course, String patientId, Instant t0) {
        var bundles = new ArrayList<String>();
        boolean first = true;
        for (List<Course.Step> message : course.messages()) {
            ObjectNode bundle = JSON.createObjectNode()
                    .put("resourceType", "Bundle")
                    .put("id", "PAR-" + UUID.randomUUID())
                    .put("type", "transaction");
            ArrayNode entries = bundle.putArray("entry");
            if (first && course.person() != null) {
                ObjectNode entry = entries.addObject();
                entry.put("fullUrl", "urn:uuid:" + UUID.randomUUID());
                entry.set("resource", patient(course.person(), patientId, t0));
                entry.putObject("request").put("method", "POST").put("url", "Patient");
            }
            first = false;
            for (Course.Step step : message) {
                ObjectNode entry = entries.addObject();
                entry.put("fullUrl", "urn:uuid:" + UUID.randomUUID());
                entry.set("resource", resource(step, patientId, t0.plus(step.at())));
                String type = entry.get("resource").get("resourceType").asString();
                entry.putObject("request").put("method", "POST").put("url", type);
            }
            bundles.add(JSON.writeValueAsString(bundle));
        }
        return bundles;
    }

    /** The patient as a registration system states it, the day before T0: MRN, name, birth date and gender. */
    private static ObjectNode patient(Course.Person person, String patientId, Instant t0) {
        ObjectNode patient = JSON.createObjectNode().put("resourceType", "Patient");
        patient.putObject("meta")
                .put("lastUpdated", t0.minus(java.time.Duration.ofDays(1)).toString());
        ObjectNode identifier = patient.putArray("identifier").addObject();
        identifier
                .putObject("type")
                .putArray("coding")
                .addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v2-0203")
                .put("code", "MR");
        identifier.put("system", "urn:parity:mrn").put("value", patientId);
        patient.putArray("name")
                .addObject()
                .put("family", "Parity")
                .putArray("given")
                .add("Patient");
        patient.put("birthDate", person.birthDate(t0).toString());
        patient.put("gender", person.sex().toLowerCase(java.util.Locale.ROOT));
        return patient;
    }

    private static ObjectNode resource(Course.Step step, String patientId, Instant at) {
        if (step instanceof Course.CarTInfusion infusion) {
            ObjectNode administration = JSON.createObjectNode()
                    .put("resourceType", "MedicationAdministration")
                    .put("status", "completed");
            administration
                    .putArray("identifier")
                    .addObject()
                    .put("system", "urn:parity:mar")
                    .put("value", "MAR-" + UUID.randomUUID());
            administration.putObject("medicationCodeableConcept").put("text", infusion.product());
            administration.putObject("subject").put("reference", "Patient/" + patientId);
            administration.put("effectiveDateTime", at.toString());
            return administration;
        }
        ObjectNode observation = JSON.createObjectNode().put("resourceType", "Observation");
        String identifier = step instanceof Course.Lab lab ? lab.observationId() : "VS-" + UUID.randomUUID();
        observation
                .putArray("identifier")
                .addObject()
                .put("system", "urn:parity:feed")
                .put("value", identifier);
        observation.putObject("subject").put("reference", "Patient/" + patientId);
        observation.put("effectiveDateTime", at.toString());
        switch (step) {
            case Course.Lab lab -> {
                observation.put("status", lab.statusWord());
                code(observation, lab.loinc());
                if (!lab.cancelled()) {
                    quantity(observation, lab.value(), lab.unit());
                }
                if (lab.low() != null || lab.high() != null) {
                    ObjectNode range = observation.putArray("referenceRange").addObject();
                    if (lab.low() != null) {
                        range.putObject("low").put("value", lab.low()).put("unit", lab.unit());
                    }
                    if (lab.high() != null) {
                        range.putObject("high").put("value", lab.high()).put("unit", lab.unit());
                    }
                }
            }
            case Course.Vital vital -> {
                vitalSign(observation);
                code(observation, vital.loinc());
                quantity(observation, vital.value(), vital.unit());
            }
            case Course.Device device -> {
                vitalSign(observation);
                code(observation, "107117-4");
                observation
                        .putObject("valueCodeableConcept")
                        .putArray("coding")
                        .addObject()
                        .put("system", "http://snomed.info/sct")
                        .put("code", device.snomedCode())
                        .put("display", device.display());
            }
            default -> throw new IllegalArgumentException("not an observation: " + step);
        }
        return observation;
    }

    private static void vitalSign(ObjectNode observation) {
        observation.put("status", "final");
        observation
                .putArray("category")
                .addObject()
                .putArray("coding")
                .addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category")
                .put("code", "vital-signs");
    }

    private static void code(ObjectNode observation, String loinc) {
        observation
                .putObject("code")
                .putArray("coding")
                .addObject()
                .put("system", "http://loinc.org")
                .put("code", loinc);
    }

    private static void quantity(ObjectNode observation, String value, String unit) {
        ObjectNode quantity = observation.putObject("valueQuantity");
        Censored censored = Censored.of(value);
        if (censored.comparator() != null) {
            quantity.put("comparator", censored.comparator());
        }
        quantity.put("value", censored.number()).put("unit", unit);
    }
}
