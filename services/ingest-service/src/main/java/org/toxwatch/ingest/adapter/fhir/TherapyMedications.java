package org.toxwatch.ingest.adapter.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;

/**
 * The medications ToxWatch follows, recognised in a FHIR medication concept by code (RxNorm ingredient, WHO ATC)
 * or, failing that, by generic or brand name in a coding's display or the concept's text. Name matching also
 * covers SNOMED CT codings, which carry the substance name as display, and RxNorm clinical drugs (SCD/SBD),
 * whose names contain the ingredient. A medication not listed here is refused by name, never guessed.
 */
final class TherapyMedications {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ATC = "http://www.whocc.no/atc";

    /** A recognised medication: an immunotherapy (with its product) or a supportive drug. */
    record Medication(
            @Nullable Therapy therapy,
            @Nullable String product,
            @Nullable SupportiveDrug supportiveDrug,
            boolean vasopressin,
            Set<String> codes,
            List<Pattern> names) {

        boolean matches(Coding coding) {
            return coding.hasCode()
                    && codes.contains(
                            coding.getSystem() + "|" + coding.getCode().trim());
        }

        boolean named(String text) {
            return names.stream().anyMatch(name -> name.matcher(text).find());
        }
    }

    private static final List<Medication> ALL = List.of(
            therapy(Therapy.BLINATUMOMAB, "BLINCYTO", codes(ATC, "L01FX07"), "blinatumomab", "blincyto"),
            therapy(Therapy.INOTUZUMAB_OZOGAMICIN, "BESPONSA", codes(ATC, "L01FB01"), "inotuzumab", "besponsa"),
            therapy(Therapy.CAR_T, "KYMRIAH", codes(ATC, "L01XL04"), "tisagenlecleucel", "kymriah"),
            therapy(Therapy.CAR_T, "YESCARTA", codes(ATC, "L01XL03"), "axicabtagene", "yescarta"),
            therapy(Therapy.CAR_T, "TECARTUS", codes(ATC, "L01XL06"), "brexucabtagene", "tecartus"),
            therapy(Therapy.CAR_T, "BREYANZI", codes(ATC, "L01XL08"), "lisocabtagene", "breyanzi"),
            therapy(Therapy.CAR_T, "ABECMA", codes(ATC, "L01XL07"), "idecabtagene", "abecma"),
            therapy(Therapy.CAR_T, "CARVYKTI", codes(ATC, "L01XL05"), "ciltacabtagene", "carvykti"),
            therapy(Therapy.CAR_T, "AUCATZYL", Set.of(), "obecabtagene", "aucatzyl"),
            supportive(
                    SupportiveDrug.TOCILIZUMAB,
                    codes(RXNORM, "612865", ATC, "L04AC07"),
                    "tocilizumab",
                    "actemra",
                    "roactemra"),
            supportive(SupportiveDrug.SILTUXIMAB, codes(ATC, "L04AC11"), "siltuximab", "sylvant"),
            supportive(SupportiveDrug.ANAKINRA, codes(RXNORM, "72435", ATC, "L04AC03"), "anakinra", "kineret"),
            supportive(
                    SupportiveDrug.CORTICOSTEROID,
                    codes(
                            RXNORM, "3264", RXNORM, "6902", RXNORM, "8640", RXNORM, "8638", RXNORM, "5492", ATC,
                            "H02AB02", ATC, "H02AB04", ATC, "H02AB06", ATC, "H02AB07", ATC, "H02AB09"),
                    "dexamethasone",
                    "methylprednisolone",
                    "prednisolone",
                    "prednisone",
                    "hydrocortisone"),
            supportive(
                    SupportiveDrug.ANTIPYRETIC,
                    codes(RXNORM, "161", RXNORM, "5640", ATC, "N02BE01", ATC, "M01AE01", ATC, "N02BB02"),
                    "acetaminophen",
                    "paracetamol",
                    "ibuprofen",
                    "metamizole"),
            new Medication(
                    null,
                    null,
                    SupportiveDrug.VASOPRESSOR,
                    true,
                    codes(RXNORM, "11149", ATC, "H01BA01"),
                    patterns("vasopressin")),
            supportive(
                    SupportiveDrug.VASOPRESSOR,
                    codes(
                            RXNORM, "7512", RXNORM, "3992", RXNORM, "3628", RXNORM, "8163", ATC, "C01CA03", ATC,
                            "C01CA24", ATC, "C01CA04", ATC, "C01CA06"),
                    "norepinephrine",
                    "noradrenaline",
                    "epinephrine",
                    "adrenaline",
                    "dopamine",
                    "phenylephrine"));

    /** The medication a concept names: any coding's code first, then names in displays and text. */
    static Optional<Medication> recognise(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            for (Medication medication : ALL) {
                if (medication.matches(coding)) {
                    return Optional.of(medication);
                }
            }
        }
        List<String> texts = Stream.concat(
                        concept.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay),
                        concept.hasText() ? Stream.of(concept.getText()) : Stream.empty())
                .map(text -> text.toLowerCase(Locale.ROOT))
                .toList();
        return ALL.stream()
                .filter(medication -> texts.stream().anyMatch(medication::named))
                .findFirst();
    }

    private static Medication therapy(Therapy therapy, String product, Set<String> codes, String... names) {
        return new Medication(therapy, product, null, false, codes, patterns(names));
    }

    private static Medication supportive(SupportiveDrug drug, Set<String> codes, String... names) {
        return new Medication(null, null, drug, false, codes, patterns(names));
    }

    /** Whole words only: "epinephrine" must not match inside "norepinephrine". */
    private static List<Pattern> patterns(String... names) {
        return Stream.of(names)
                .map(name -> Pattern.compile("\\b" + name + "\\b"))
                .toList();
    }

    /** Pairs of system and code. */
    private static Set<String> codes(String... systemsAndCodes) {
        return Stream.iterate(0, i -> i < systemsAndCodes.length, i -> i + 2)
                .map(i -> systemsAndCodes[i] + "|" + systemsAndCodes[i + 1])
                .collect(Collectors.toUnmodifiableSet());
    }

    private TherapyMedications() {}
}
