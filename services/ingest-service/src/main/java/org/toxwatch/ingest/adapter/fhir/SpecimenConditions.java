package org.toxwatch.ingest.adapter.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Specimen;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.SpecimenCondition;

/**
 * The condition of an Observation's specimen ({@code Observation.specimen} pointing at a contained Specimen, or at
 * a Specimen entry of the same transaction): HL7 table 0493 codes HEM, CLOT, CON and AUT, and the words
 * laboratories write in {@code text} or {@code display} (hemolyzed, lipemic, icteric, clotted). Other conditions
 * (frozen, room temperature, ...) do not falsify a result and are not carried. A Specimen that is not in the
 * message cannot be read and adds nothing.
 */
final class SpecimenConditions {

    private static final Map<String, SpecimenCondition> TABLE_0493 = Map.of(
            "HEM", SpecimenCondition.HEMOLYZED,
            "CLOT", SpecimenCondition.CLOTTED,
            "CON", SpecimenCondition.CONTAMINATED,
            "AUT", SpecimenCondition.AUTOLYZED);

    private static final Map<String, SpecimenCondition> WORDS = Map.of(
            "hemoly", SpecimenCondition.HEMOLYZED,
            "haemoly", SpecimenCondition.HEMOLYZED,
            "lipem", SpecimenCondition.LIPEMIC,
            "lipaem", SpecimenCondition.LIPEMIC,
            "icter", SpecimenCondition.ICTERIC,
            "clotted", SpecimenCondition.CLOTTED,
            "contaminated", SpecimenCondition.CONTAMINATED,
            "autoly", SpecimenCondition.AUTOLYZED);

    static List<SpecimenCondition> of(Observation observation) {
        Specimen specimen = specimenOf(observation);
        if (specimen == null) {
            return List.of();
        }
        var conditions = new LinkedHashSet<SpecimenCondition>();
        for (CodeableConcept condition : specimen.getCondition()) {
            for (Coding coding : condition.getCoding()) {
                if (coding.hasCode()
                        && TABLE_0493.containsKey(coding.getCode().trim().toUpperCase(Locale.ROOT))) {
                    conditions.add(TABLE_0493.get(coding.getCode().trim().toUpperCase(Locale.ROOT)));
                }
            }
            Stream.concat(
                            condition.hasText() ? Stream.of(condition.getText()) : Stream.empty(),
                            condition.getCoding().stream()
                                    .filter(Coding::hasDisplay)
                                    .map(Coding::getDisplay))
                    .map(text -> text.toLowerCase(Locale.ROOT))
                    .forEach(text -> WORDS.forEach((word, found) -> {
                        if (text.contains(word)) {
                            conditions.add(found);
                        }
                    }));
        }
        return List.copyOf(conditions);
    }

    /**
     * Points each Observation's specimen reference at the Specimen entry of the transaction it names (by
     * {@code fullUrl} or {@code Specimen/<id>}), so that {@link #of} can read it.
     */
    static void link(Bundle transaction) {
        var specimens = new HashMap<String, Specimen>();
        for (var entry : transaction.getEntry()) {
            if (entry.getResource() instanceof Specimen specimen) {
                if (entry.hasFullUrl()) {
                    specimens.put(entry.getFullUrl(), specimen);
                }
                if (specimen.getIdElement().hasIdPart()) {
                    specimens.put("Specimen/" + specimen.getIdElement().getIdPart(), specimen);
                }
            }
        }
        for (var entry : transaction.getEntry()) {
            if (entry.getResource() instanceof Observation observation
                    && observation.getSpecimen().hasReference()
                    && specimens.containsKey(observation.getSpecimen().getReference())) {
                observation
                        .getSpecimen()
                        .setResource(specimens.get(observation.getSpecimen().getReference()));
            }
        }
    }

    static boolean isSpecimen(Bundle.BundleEntryComponent entry) {
        return entry.getResource() instanceof Specimen;
    }

    private static @Nullable Specimen specimenOf(Observation observation) {
        if (!observation.hasSpecimen()) {
            return null;
        }
        if (observation.getSpecimen().getResource() instanceof Specimen linked) {
            return linked;
        }
        String reference = observation.getSpecimen().getReference();
        if (reference == null || !reference.startsWith("#")) {
            return null;
        }
        List<Resource> contained = new ArrayList<>(observation.getContained());
        return contained.stream()
                .filter(resource -> resource instanceof Specimen)
                .filter(resource ->
                        reference.substring(1).equals(resource.getIdElement().getIdPart())
                                || reference.equals(resource.getId()))
                .map(resource -> (Specimen) resource)
                .findFirst()
                .orElse(null);
    }

    private SpecimenConditions() {}
}
