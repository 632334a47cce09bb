package org.toxwatch.ingest.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;

/**
 * Recognises the drugs ToxWatch tracks by generic or brand name in an administration record's medication text
 * (HL7 RXA-5, FHIR medicationCodeableConcept.text or display). A medication feed carries every drug a patient
 * gets; the others are not errors and are ignored.
 */
public final class TrackedMedications {

    /** What an administration of the drug means to ToxWatch. */
    public record Tracked(
            TherapyEventType type,
            @Nullable Therapy therapy,
            @Nullable SupportiveDrug supportiveDrug,
            @Nullable Integer vasopressorCount,
            @Nullable Boolean vasopressin) {}

    private record Name(List<String> words, Tracked tracked) {}

    private static final List<Name> NAMES = List.of(
            therapy(TherapyEventType.INFUSION_STARTED, Therapy.BLINATUMOMAB, "blinatumomab", "blincyto"),
            therapy(TherapyEventType.DOSE_ADMINISTERED, Therapy.INOTUZUMAB_OZOGAMICIN, "inotuzumab", "besponsa"),
            therapy(
                    TherapyEventType.CAR_T_INFUSED,
                    Therapy.CAR_T,
                    "tisagenlecleucel",
                    "kymriah",
                    "brexucabtagene",
                    "tecartus",
                    "obecabtagene",
                    "aucatzyl"),
            supportive(SupportiveDrug.TOCILIZUMAB, "tocilizumab", "actemra", "roactemra"),
            supportive(SupportiveDrug.SILTUXIMAB, "siltuximab", "sylvant"),
            supportive(SupportiveDrug.ANAKINRA, "anakinra", "kineret"),
            supportive(
                    SupportiveDrug.CORTICOSTEROID,
                    "dexamethasone",
                    "methylprednisolone",
                    "hydrocortisone",
                    "prednisolone",
                    "prednisone"),
            supportive(SupportiveDrug.ANTIPYRETIC, "acetaminophen", "paracetamol", "ibuprofen", "metamizole"),
            new Name(
                    List.of("vasopressin"),
                    new Tracked(TherapyEventType.SUPPORTIVE_DRUG_GIVEN, null, SupportiveDrug.VASOPRESSOR, 0, true)),
            new Name(
                    List.of(
                            "norepinephrine",
                            "noradrenaline",
                            "epinephrine",
                            "adrenaline",
                            "phenylephrine",
                            "dopamine"),
                    new Tracked(TherapyEventType.SUPPORTIVE_DRUG_GIVEN, null, SupportiveDrug.VASOPRESSOR, 1, false)),
            supportive(SupportiveDrug.PLATELET_TRANSFUSION, "platelet"));

    private TrackedMedications() {}

    public static Optional<Tracked> recognise(String medicationText) {
        String text = medicationText.toLowerCase(Locale.ROOT);
        return NAMES.stream()
                .filter(name -> name.words().stream().anyMatch(text::contains))
                .map(Name::tracked)
                .findFirst();
    }

    private static Name therapy(TherapyEventType type, Therapy therapy, String... words) {
        return new Name(List.of(words), new Tracked(type, therapy, null, null, null));
    }

    private static Name supportive(SupportiveDrug drug, String... words) {
        return new Name(List.of(words), new Tracked(TherapyEventType.SUPPORTIVE_DRUG_GIVEN, null, drug, null, null));
    }
}
