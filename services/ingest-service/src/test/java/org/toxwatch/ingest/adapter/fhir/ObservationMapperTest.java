package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.resource;

import java.time.Instant;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.ingest.domain.ObservationSubmission;

class ObservationMapperTest {

    private final ObservationMapper mapper = new ObservationMapper();

    private MappedResource<ObservationSubmission> map(String fixture) {
        return mapper.map(resource(fixture, Observation.class));
    }

    private ObservationSubmission only(String fixture) {
        var mapped = map(fixture);
        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.items()).hasSize(1);
        return mapped.items().getFirst().submission();
    }

    @Nested
    class LaboratoryResults {

        @Test
        void anAncInTenToTheNinePerLitreKeepsItsLoincValueUnitTimeAndRange() {
            var anc = only("observation-anc-751-8.json");

            assertThat(anc.patientId()).isEqualTo("MRN-0001");
            assertThat(anc.loinc()).isEqualTo("751-8");
            assertThat(anc.value()).isEqualByComparingTo("0.4");
            assertThat(anc.unit()).isEqualTo("10*9/L");
            assertThat(anc.effectiveTime()).isEqualTo(Instant.parse("2026-11-20T06:45:00Z"));
            assertThat(anc.referenceLow()).isEqualByComparingTo("1.8");
            assertThat(anc.referenceHigh()).isEqualByComparingTo("7.7");
            assertThat(anc.status()).isEqualTo("final");
            assertThat(anc.sourceObservationId()).isEqualTo("urn:oid:2.16.840.1.113883.19.5.1|HEM-20261120-0042-1");
            assertThat(anc.sourceMessageId()).isEqualTo("urn:oid:2.16.840.1.113883.19.5.1|HEM-20261120-0042-1#final");
        }

        @Test
        void bilirubinInMicromolesPerLitreTakesTheUcumCodeNotTheDisplayUnit() {
            var bilirubin = only("observation-bilirubin-1975-2-umol.json");

            assertThat(bilirubin.loinc()).isEqualTo("1975-2");
            assertThat(bilirubin.localCode()).isNull();
            assertThat(bilirubin.unit()).isEqualTo("umol/L");
            assertThat(bilirubin.value()).isEqualByComparingTo("51.3");
            assertThat(bilirubin.effectiveTime()).isEqualTo(Instant.parse("2026-11-20T06:10:00Z"));
        }

        @Test
        void anAbsolutePatientUrlWithAVersionStillNamesThePatient() {
            assertThat(only("observation-bilirubin-1975-2-umol.json").patientId())
                    .isEqualTo("MRN-0002");
        }

        @Test
        void aConditionalReferenceByIdentifierNamesThePatientByItsValue() {
            var observation = resource("observation-anc-751-8.json", Observation.class);
            observation.getSubject().setReference("Patient?identifier=urn:oid:2.16.840.1.113883.19.5%7CMRN-0009");

            assertThat(mapper.map(observation).items().getFirst().submission().patientId())
                    .isEqualTo("MRN-0009");
        }

        @Test
        void aReferenceToAGroupIsNoPatient() {
            var observation = resource("observation-anc-751-8.json", Observation.class);
            observation.getSubject().setReference("Group/ward-7");

            assertThat(mapper.map(observation).problems())
                    .singleElement()
                    .extracting(Problem::expression)
                    .isEqualTo("Observation.subject.reference");
        }

        @Test
        void theVersionIsPartOfTheIdempotencyKeySoTheNextVersionIsNoResend() {
            assertThat(only("observation-bilirubin-1975-2-umol.json").sourceMessageId())
                    .isEqualTo("https://lis.example-hospital.org/results|CHEM-88213-TBIL#final@1");
        }

        @Test
        void aPlateletCountPerMicrolitreWithAUnitButNoCodeUsesTheUnitText() {
            var platelets = only("observation-platelets-777-3-per-ul.json");

            assertThat(platelets.patientId()).isEqualTo("MRN-0003");
            assertThat(platelets.unit()).isEqualTo("/uL");
            assertThat(platelets.value()).isEqualByComparingTo("42000");
            assertThat(platelets.status()).isEqualTo("preliminary");
            assertThat(platelets.effectiveTime()).isEqualTo(Instant.parse("2026-11-20T05:02:19.123Z"));
        }

        @Test
        void aLocalCodeIsHandedOnForTheSendersMap() {
            var local = only("observation-local-code.json");

            assertThat(local.loinc()).isNull();
            assertThat(local.localCode()).isEqualTo("NEUT-ABS");
            assertThat(local.unit()).isEqualTo("10*3/uL");
        }

        @Test
        void aCorrectedResultIsRecordedAsCorrectedUnderItsStableIdentifier() {
            var corrected = only("observation-alt-corrected.json");

            assertThat(corrected.status()).isEqualTo("corrected");
            assertThat(corrected.value()).isEqualByComparingTo("212");
            assertThat(corrected.referenceLow()).isNull();
            assertThat(corrected.referenceHigh()).isEqualByComparingTo("40");
            assertThat(corrected.sourceObservationId())
                    .isEqualTo("https://lis.example-hospital.org/results|CHEM-88213-ALT");
            assertThat(corrected.sourceMessageId())
                    .isEqualTo("https://lis.example-hospital.org/results|CHEM-88213-ALT#corrected@2");
        }

        @Test
        void aCancelledResultCarriesNoValue() {
            var cancelled = only("observation-creatinine-cancelled.json");

            assertThat(cancelled.status()).isEqualTo("cancelled");
            assertThat(cancelled.value()).isNull();
            assertThat(cancelled.loinc()).isEqualTo("2160-0");
        }

        @Test
        void aRegisteredObservationHasNoResultAndIsRefusedAsNotSupported() {
            var mapped = map("observation-registered.json");

            assertThat(mapped.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.type()).isEqualTo(IssueType.NOTSUPPORTED);
                assertThat(problem.expression()).isEqualTo("Observation.status");
                assertThat(problem.diagnostics()).contains("'registered' carries no result");
            });
        }
    }

    @Nested
    class VitalSigns {

        @Test
        void aTemperatureInFahrenheitKeepsTheUcumCodeForTheValidatorToConvert() {
            var temperature = only("observation-temperature-degf.json");

            assertThat(temperature.loinc()).isEqualTo("8310-5");
            assertThat(temperature.value()).isEqualByComparingTo("101.3");
            assertThat(temperature.unit()).isEqualTo("[degF]");
            assertThat(temperature.effectiveTime()).isEqualTo(Instant.parse("2026-11-21T03:15:00Z"));
        }

        @Test
        void pulseOximetryYieldsTheSaturationAndTheOxygenFlowButNotTheUnmonitoredFio2() {
            var mapped = map("observation-spo2-pulse-oximetry.json");

            assertThat(mapped.problems()).isEmpty();
            assertThat(mapped.items())
                    .extracting(item -> item.submission().loinc())
                    .containsExactly("2708-6", "3151-8");
            var flow = mapped.items().get(1);
            assertThat(flow.submission().value()).isEqualByComparingTo("2");
            assertThat(flow.submission().unit()).isEqualTo("L/min");
            assertThat(flow.pathOf("unit")).isEqualTo("Observation.component[0].valueQuantity.code");
        }

        @Test
        void theOxygenDeviceIsItsSnomedCode() {
            var device = only("observation-oxygen-device.json");

            assertThat(device.loinc()).isEqualTo("107117-4");
            assertThat(device.valueCode()).isEqualTo("336623009");
            assertThat(device.value()).isNull();
        }

        @Test
        void aBloodPressurePanelWithoutAValueOfItsOwnYieldsItsComponents() {
            var mapped = map("observation-blood-pressure-panel.json");

            assertThat(mapped.items())
                    .extracting(item -> item.submission().loinc())
                    .containsExactly("8480-6", "8462-4");
            assertThat(mapped.items())
                    .extracting(item -> item.submission().sourceMessageId())
                    .containsOnly("https://flowsheet.example-hospital.org/obs|VS-5512-BP#final");
        }
    }

    @Nested
    class Locations {

        @Test
        void eachFieldIsTracedToTheElementItWasReadFrom() {
            var item = map("observation-anc-751-8.json").items().getFirst();

            assertThat(item.pathOf("patientId")).isEqualTo("Observation.subject");
            assertThat(item.pathOf("loinc")).isEqualTo("Observation.code.coding[0].code");
            assertThat(item.pathOf("value")).isEqualTo("Observation.valueQuantity.value");
            assertThat(item.pathOf("unit")).isEqualTo("Observation.valueQuantity.code");
            assertThat(item.pathOf("effectiveTime")).isEqualTo("Observation.effectiveDateTime");
            assertThat(item.pathOf("referenceRange")).isEqualTo("Observation.referenceRange[0]");
            assertThat(item.pathOf("sourceMessageId")).isEqualTo("Observation.identifier");
        }

        @Test
        void theChosenLoincIsLocatedAtItsCodingNotTheFirstOne() {
            var item = map("observation-bilirubin-1975-2-umol.json").items().getFirst();

            assertThat(item.pathOf("loinc")).isEqualTo("Observation.code.coding[1].code");
            assertThat(item.pathOf("effectiveTime")).isEqualTo("Observation.effectivePeriod.start");
        }

        @Test
        void aUnitWithoutACodeIsLocatedAtTheUnitText() {
            var item = map("observation-platelets-777-3-per-ul.json").items().getFirst();

            assertThat(item.pathOf("unit")).isEqualTo("Observation.valueQuantity.unit");
            assertThat(item.pathOf("effectiveTime")).isEqualTo("Observation.effectiveInstant");
        }
    }
}
