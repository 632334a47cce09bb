package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.resource;

import java.time.Instant;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.toxwatch.ingest.domain.DosePlanSubmission;

class MedicationRequestMapperTest {

    private final MedicationRequestMapper mapper = new MedicationRequestMapper();

    private static MedicationRequest c1d1() {
        return resource("medication-request-inotuzumab-c1d1.json", MedicationRequest.class);
    }

    private DosePlanSubmission only(MedicationRequest request) {
        var mapped = mapper.map(request);
        assertThat(mapped.problems()).isEmpty();
        return mapped.items().getFirst().submission();
    }

    @Test
    void anActiveInotuzumabOrderIsAPlanForCycle1Day1AtItsTimingEvent() {
        var plan = only(c1d1());

        assertThat(plan.therapy()).isEqualTo("INOTUZUMAB_OZOGAMICIN");
        assertThat(plan.product()).isEqualTo("BESPONSA");
        assertThat(plan.cycle()).isEqualTo(1);
        assertThat(plan.cycleDay()).isEqualTo(1);
        assertThat(plan.plannedFor()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(plan.orderedAt()).isEqualTo(Instant.parse("2026-11-20T15:45:00Z"));
        assertThat(plan.dose()).isEqualByComparingTo("0.8");
        assertThat(plan.doseUnit()).isEqualTo("mg/m2");
        assertThat(plan.cancelled()).isFalse();
        assertThat(plan.sourcePlanId()).isEqualTo("https://cpoe.example-hospital.org/orders|ORD-77120");
        assertThat(plan.sourceMessageId()).isEqualTo("https://cpoe.example-hospital.org/orders|ORD-77120#active");
    }

    @Test
    void aCancelledOrStoppedOrderWithdrawsThePlan() {
        assertThat(only(c1d1().setStatus(MedicationRequestStatus.CANCELLED)).cancelled())
                .isTrue();
        assertThat(only(c1d1().setStatus(MedicationRequestStatus.STOPPED)).cancelled())
                .isTrue();
        assertThat(only(c1d1().setStatus(MedicationRequestStatus.ONHOLD)).cancelled())
                .isFalse();
    }

    @Test
    void aDraftOrderPlansNothingYet() {
        var mapped = mapper.map(c1d1().setStatus(MedicationRequestStatus.DRAFT));

        assertThat(mapped.items()).isEmpty();
        assertThat(mapped.problems()).isEmpty();
    }

    @Test
    void aSupportiveDrugOrderIsNoDosePlan() {
        var mapped = mapper.map(c1d1().setMedication(new CodeableConcept().setText("Tocilizumab 8 mg/kg IV")));

        assertThat(mapped.items()).isEmpty();
        assertThat(mapped.problems()).isEmpty();
    }

    @Test
    void anUnknownStatusIsRefusedAsNotSupported() {
        var mapped = mapper.map(c1d1().setStatus(MedicationRequestStatus.UNKNOWN));

        assertThat(mapped.problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.expression()).isEqualTo("MedicationRequest.status"));
    }

    @Test
    void aCycleExtensionThatIsNoIntegerIsRefusedAtTheExtension() {
        var request = c1d1();
        request.getExtensionByUrl(MedicationRequestMapper.CYCLE).setValue(new StringType("one"));

        assertThat(mapper.map(request).problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.expression())
                        .isEqualTo("MedicationRequest.extension('" + MedicationRequestMapper.CYCLE + "')"));
    }
}
