package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.resource;

import java.time.Instant;
import org.hl7.fhir.r4.model.DateTimeType;
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
    void norepinephrineIsRecognisedByNameAsOneVasopressorAgentNotVasopressin() {
        var pressor = only("medication-administration-norepinephrine.json");

        assertThat(pressor.supportiveDrug()).isEqualTo("VASOPRESSOR");
        assertThat(pressor.vasopressorCount()).isEqualTo(1);
        assertThat(pressor.vasopressin()).isFalse();
    }

    @Test
    void aMedicationToxWatchDoesNotTrackYieldsNothingAsInAnHl7Feed() {
        var mapped =
                mapper.map(resource("medication-administration-unknown-drug.json", MedicationAdministration.class));

        assertThat(mapped.items()).isEmpty();
        assertThat(mapped.problems()).isEmpty();
    }

    @Test
    void aStoppedBlinatumomabInfusionStopsAtThePeriodEnd() {
        var administration =
                resource("medication-administration-blinatumomab-started.json", MedicationAdministration.class);
        administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.STOPPED);
        administration.getEffectivePeriod().setEndElement(new DateTimeType("2026-11-20T16:30:00+01:00"));

        var stopped = mapper.map(administration).items().getFirst().submission();

        assertThat(stopped.type()).isEqualTo("INFUSION_STOPPED");
        assertThat(stopped.occurredAt()).isEqualTo(Instant.parse("2026-11-20T15:30:00Z"));
    }

    @Test
    void anUnknownStatusIsRefusedBecauseWhetherItWasGivenMatters() {
        var administration = resource("medication-administration-tocilizumab.json", MedicationAdministration.class);
        administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.UNKNOWN);

        assertThat(mapper.map(administration).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(IssueType.NOTSUPPORTED);
            assertThat(problem.expression()).isEqualTo("MedicationAdministration.status");
        });
    }

    @Test
    void notDoneYieldsNothing() {
        var administration = resource("medication-administration-tocilizumab.json", MedicationAdministration.class);
        administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.NOTDONE);

        assertThat(mapper.map(administration).items()).isEmpty();
    }
}
