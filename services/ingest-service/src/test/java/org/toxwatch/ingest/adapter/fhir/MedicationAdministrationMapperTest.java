package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.resource;

import java.time.Instant;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;
import org.toxwatch.ingest.domain.TherapyEventSubmission;

class MedicationAdministrationMapperTest {

    private final MedicationAdministrationMapper mapper = new MedicationAdministrationMapper();

    private TherapyEventSubmission only(String fixture) {
        var mapped = mapper.map(resource(fixture, MedicationAdministration.class));
        assertThat(mapped.problems()).isEmpty();
        return mapped.items().getFirst().submission();
    }

    @Test
    void tocilizumabByItsRxNormCodeIsASupportiveDrugGivenWithItsDose() {
        var tocilizumab = only("medication-administration-tocilizumab.json");

        assertThat(tocilizumab.type()).isEqualTo("SUPPORTIVE_DRUG_GIVEN");
        assertThat(tocilizumab.supportiveDrug()).isEqualTo("TOCILIZUMAB");
        assertThat(tocilizumab.therapy()).isNull();
        assertThat(tocilizumab.patientId()).isEqualTo("MRN-0006");
        assertThat(tocilizumab.occurredAt()).isEqualTo(Instant.parse("2026-11-21T03:20:00Z"));
        assertThat(tocilizumab.dose()).isEqualByComparingTo("560");
        assertThat(tocilizumab.doseUnit()).isEqualTo("mg");
        assertThat(tocilizumab.sourceMessageId())
                .isEqualTo("https://mar.example-hospital.org/administrations|MAR-99812#completed");
    }

    @Test
    void aBlinatumomabInfusionInProgressIsAnInfusionStartedByItsAtcCode() {
        var blinatumomab = only("medication-administration-blinatumomab-started.json");

        assertThat(blinatumomab.type()).isEqualTo("INFUSION_STARTED");
        assertThat(blinatumomab.therapy()).isEqualTo("BLINATUMOMAB");
        assertThat(blinatumomab.product()).isEqualTo("BLINCYTO");
        assertThat(blinatumomab.occurredAt()).isEqualTo(Instant.parse("2026-11-19T09:00:00Z"));
        assertThat(blinatumomab.doseUnit()).isEqualTo("ug");
    }

    @Test
    void carTCellsNamedOnlyInTextAreACarTInfusionOfThatProduct() {
        var carT = only("medication-administration-car-t.json");

        assertThat(carT.type()).isEqualTo("CAR_T_INFUSED");
        assertThat(carT.therapy()).isEqualTo("CAR_T");
        assertThat(carT.product()).isEqualTo("KYMRIAH");
    }

    @Test
    void norepinephrineIsRecognisedByNameAndIsNotTakenForEpinephrineOrVasopressin() {
        var pressor = only("medication-administration-norepinephrine.json");

        assertThat(pressor.supportiveDrug()).isEqualTo("VASOPRESSOR");
        assertThat(pressor.vasopressin()).isNull();
    }

    @Test
    void aMedicationToxWatchDoesNotFollowIsRefusedByName() {
        var mapped =
                mapper.map(resource("medication-administration-unknown-drug.json", MedicationAdministration.class));

        assertThat(mapped.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(IssueType.NOTSUPPORTED);
            assertThat(problem.expression()).isEqualTo("MedicationAdministration.medicationCodeableConcept");
            assertThat(problem.diagnostics()).contains("'Ondansetron 8 mg IV' is not a medication");
        });
    }
}
