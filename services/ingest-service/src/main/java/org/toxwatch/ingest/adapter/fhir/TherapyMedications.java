package org.toxwatch.ingest.adapter.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.TrackedMedications;
import org.toxwatch.ingest.domain.TrackedMedications.Tracked;

/**
 * Recognises a tracked medication in a FHIR medication concept. Codes come first: an RxNorm ingredient or WHO ATC
 * code is turned into its generic name; then the codings' displays and the concept's text (which also covers
 * SNOMED CT codings and RxNorm clinical drugs, whose names contain the ingredient). What the name means is the
 * domain's one list, {@link TrackedMedications}, shared with HL7 RXA-5.
 */
final class TherapyMedications {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ATC = "http://www.whocc.no/atc";

    /** A tracked medication and, for an immunotherapy, its product. */
    record Recognised(Tracked tracked, @Nullable String product) {}

    private static final Map<String, String> NAME_BY_CODE = Map.ofEntries(
            Map.entry(ATC + "|L01FX07", "blinatumomab"),
            Map.entry(ATC + "|L01FB01", "inotuzumab"),
            Map.entry(ATC + "|L01XL04", "tisagenlecleucel"),
            Map.entry(ATC + "|L01XL06", "brexucabtagene"),
            Map.entry(RXNORM + "|612865", "tocilizumab"),
            Map.entry(ATC + "|L04AC07", "tocilizumab"),
            Map.entry(ATC + "|L04AC11", "siltuximab"),
            Map.entry(RXNORM + "|72435", "anakinra"),
            Map.entry(ATC + "|L04AC03", "anakinra"),
            Map.entry(RXNORM + "|3264", "dexamethasone"),
            Map.entry(ATC + "|H02AB02", "dexamethasone"),
            Map.entry(RXNORM + "|6902", "methylprednisolone"),
            Map.entry(ATC + "|H02AB04", "methylprednisolone"),
            Map.entry(RXNORM + "|8638", "prednisolone"),
            Map.entry(ATC + "|H02AB06", "prednisolone"),
            Map.entry(RXNORM + "|8640", "prednisone"),
            Map.entry(ATC + "|H02AB07", "prednisone"),
            Map.entry(RXNORM + "|5492", "hydrocortisone"),
            Map.entry(ATC + "|H02AB09", "hydrocortisone"),
            Map.entry(RXNORM + "|161", "acetaminophen"),
            Map.entry(ATC + "|N02BE01", "paracetamol"),
            Map.entry(RXNORM + "|5640", "ibuprofen"),
            Map.entry(ATC + "|M01AE01", "ibuprofen"),
            Map.entry(ATC + "|N02BB02", "metamizole"),
            Map.entry(RXNORM + "|7512", "norepinephrine"),
            Map.entry(ATC + "|C01CA03", "norepinephrine"),
            Map.entry(RXNORM + "|3992", "epinephrine"),
            Map.entry(ATC + "|C01CA24", "epinephrine"),
            Map.entry(RXNORM + "|3628", "dopamine"),
            Map.entry(ATC + "|C01CA04", "dopamine"),
            Map.entry(RXNORM + "|8163", "phenylephrine"),
            Map.entry(ATC + "|C01CA06", "phenylephrine"),
            Map.entry(RXNORM + "|11149", "vasopressin"),
            Map.entry(ATC + "|H01BA01", "vasopressin"));

    /** Brand of each immunotherapy, by the generic or brand word that names it. */
    private static final List<Map.Entry<String, String>> PRODUCTS = List.of(
            Map.entry("blinatumomab", "BLINCYTO"),
            Map.entry("blincyto", "BLINCYTO"),
            Map.entry("inotuzumab", "BESPONSA"),
            Map.entry("besponsa", "BESPONSA"),
            Map.entry("tisagenlecleucel", "KYMRIAH"),
            Map.entry("kymriah", "KYMRIAH"),
            Map.entry("brexucabtagene", "TECARTUS"),
            Map.entry("tecartus", "TECARTUS"),
            Map.entry("obecabtagene", "AUCATZYL"),
            Map.entry("aucatzyl", "AUCATZYL"));

    static Optional<Recognised> recognise(CodeableConcept concept) {
        List<String> names = Stream.of(
                        concept.getCoding().stream()
                                .filter(Coding::hasCode)
                                .map(coding -> NAME_BY_CODE.get(coding.getSystem() + "|"
                                        + coding.getCode().trim())),
                        concept.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay),
                        concept.hasText() ? Stream.of(concept.getText()) : Stream.<String>empty())
                .flatMap(stream -> stream)
                .filter(name -> name != null && !name.isBlank())
                .map(name -> name.toLowerCase(Locale.ROOT))
                .toList();
        for (String name : names) {
            Optional<Tracked> tracked = TrackedMedications.recognise(name);
            if (tracked.isPresent()) {
                return Optional.of(
                        new Recognised(tracked.get(), tracked.get().therapy() == null ? null : productOf(names)));
            }
        }
        return Optional.empty();
    }

    private static @Nullable String productOf(List<String> names) {
        return PRODUCTS.stream()
                .filter(product -> names.stream().anyMatch(name -> name.contains(product.getKey())))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private TherapyMedications() {}
}
