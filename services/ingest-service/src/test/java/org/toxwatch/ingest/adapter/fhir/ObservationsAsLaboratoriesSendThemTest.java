package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.FHIR;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.json;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.resource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.ingest.application.InMemoryInboundArchive;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.model.VitalSignsRecorded;

/** Censored values, flags, specimen condition, vendor units, dates and mixed panels, as FHIR laboratories send them. */
class ObservationsAsLaboratoriesSendThemTest {

    private static final String SENDER = "DEMO-LIS";
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final ObservationMapper mapper = new ObservationMapper();
    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private final FhirIngestTest.CountingMonitor monitor = new FhirIngestTest.CountingMonitor();
    private final FhirIngest ingest = new FhirIngest(
            new FhirJson(FHIR),
            new RecordClinicalEvents(
                    new ObservationValidator(Duration.ofMinutes(5)),
                    new TherapyEvents(Duration.ofMinutes(5)),
                    new LocalCodes(Map.of()),
                    publisher,
                    new InMemoryInboundArchive(),
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            monitor);

    private static Observation anc() {
        return resource("observation-anc-751-8.json", Observation.class);
    }

    @Nested
    class Mapped {

        @Test
        void aComparatorMakesTheValueACensoredBound() {
            var censored = anc();
            censored.getValueQuantity().setValue(0.1).setComparator(Quantity.QuantityComparator.LESS_THAN);

            var mapped = mapper.map(censored);

            assertThat(mapped.problems()).isEmpty();
            var anc = mapped.items().getFirst().submission();
            assertThat(anc.comparator()).isEqualTo(ValueComparator.LESS_THAN);
            assertThat(anc.value()).isEqualByComparingTo("0.1");
        }

        @Test
        void aRangeInAnotherSpellingOfTheValuesUnitIsTheSameUnit() {
            var platelets = anc();
            platelets.getValueQuantity().setValue(25).setUnit("K/uL").setCode("10*3/uL");
            platelets
                    .getReferenceRangeFirstRep()
                    .getLow()
                    .setValue(150)
                    .setCode(null)
                    .setSystem(null)
                    .setUnit("K/uL");
            platelets
                    .getReferenceRangeFirstRep()
                    .getHigh()
                    .setValue(400)
                    .setCode(null)
                    .setSystem(null)
                    .setUnit("K/uL");

            assertThat(mapper.map(platelets).problems()).isEmpty();
        }

        @Test
        void theInterpretationCodesAreTheAbnormalFlagsAsSent() {
            assertThat(mapper.map(anc()).items().getFirst().submission().abnormalFlags())
                    .containsExactly("LL");
        }

        @Test
        void aLongInterpretationRemarkIsNoFlagAndNoReasonToRefuseTheResult() {
            var remarked = anc();
            remarked.getInterpretationFirstRep().getCoding().clear();
            remarked.getInterpretationFirstRep()
                    .setText("Critically low; called to the ward and read back at 08:40 by the" + " charge nurse");

            var mapped = mapper.map(remarked);

            assertThat(mapped.problems()).isEmpty();
            assertThat(mapped.items().getFirst().submission().abnormalFlags()).isEmpty();
        }

        @Test
        void aContainedSpecimensConditionsAreCarriedByTable0493CodeAndByWord() {
            var potassium = mapper.map(
                            resource("observation-potassium-hemolyzed-contained-specimen.json", Observation.class))
                    .items()
                    .getFirst()
                    .submission();

            assertThat(potassium.specimenConditions())
                    .containsExactly(SpecimenCondition.HEMOLYZED, SpecimenCondition.LIPEMIC);
        }

        @Test
        void aCollectionDateWithoutATimeIsThatDaysStartInUtcWithDayPrecision() {
            var potassium = mapper.map(
                            resource("observation-potassium-hemolyzed-contained-specimen.json", Observation.class))
                    .items()
                    .getFirst()
                    .submission();

            assertThat(potassium.effectiveTime()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
            assertThat(potassium.effectiveTimePrecision()).isEqualTo(TimePrecision.DAY);
        }
    }

    @Nested
    class Recorded {

        @Test
        void aHemolyzedPotassiumInMilliequivalentsIsStoredWithItsCaveatsAndItsUnitAsSent() {
            var answer = ingest.create(
                    "Observation", json("observation-potassium-hemolyzed-contained-specimen.json"), SENDER);

            assertThat(answer.status()).isEqualTo(201);
            assertThat(publisher.payloadsOn(Topics.LAB_RESULTS)).singleElement().satisfies(payload -> {
                var potassium = (LabResultRecorded) payload;
                assertThat(potassium.ucumUnit()).isEqualTo("mmol/L");
                assertThat(potassium.reportedUnit()).isEqualTo("mEq/L");
                assertThat(potassium.specimenConditions()).contains(SpecimenCondition.HEMOLYZED);
                assertThat(potassium.abnormalFlags()).containsExactly("HH");
                assertThat(potassium.observedAtPrecision()).isEqualTo(TimePrecision.DAY);
            });
        }

        @Test
        void aUcumCodeWinsOverTheVendorUnitTextOfTheSameQuantity() {
            String platelets = json("observation-anc-751-8.json")
                    .replace("\"751-8\"", "\"777-3\"")
                    .replace(
                            "\"value\": 0.4, \"unit\": \"x10^9/L\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"10*9/L\"",
                            "\"value\": 25, \"unit\": \"K/uL\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"10*3/uL\"")
                    .replaceAll("\"referenceRange\": \\[[^]]*]", "\"referenceRange\": []");

            var answer = ingest.create("Observation", platelets, SENDER);

            assertThat(answer.status()).isEqualTo(201);
            var stored =
                    (LabResultRecorded) publisher.payloadsOn(Topics.LAB_RESULTS).getFirst();
            assertThat(stored.loinc()).isEqualTo("777-3");
            assertThat(stored.value()).isEqualByComparingTo("25");
            assertThat(stored.ucumUnit()).isEqualTo("10*9/L");
        }

        @ParameterizedTest(name = "{0} {1} of {2}")
        @CsvSource({
            "751-8, K/uL, 0.4, 10*9/L, 0.4",
            "751-8, 10^3/uL, 0.4, 10*9/L, 0.4",
            "751-8, x10E3/uL, 0.4, 10*9/L, 0.4",
            "751-8, thou/uL, 0.4, 10*9/L, 0.4",
            "751-8, cells/uL, 400, 10*9/L, 0.4",
            "777-3, x10^9/L, 25, 10*9/L, 25",
            "2823-3, mEq/L, 6.4, mmol/L, 6.4",
            "1975-2, µmol/L, 51.3, umol/L, 51.3",
            "8310-5, °F, 102.2, Cel, 39.0",
            "8310-5, degF, 102.2, Cel, 39.0",
            "718-7, g/dl, 8.5, g/dL, 8.5",
            "1742-6, IU/L, 240, U/L, 240",
            "1742-6, iu/l, 240, U/L, 240",
            "777-3, /mm3, 25000, 10*9/L, 25",
        })
        void aUnitAsTheLaboratoryWritesItInTheUnitTextIsReadThroughTheSynonyms(
                String loinc, String unit, String value, String ucum, String canonical) {
            String observation = json("observation-anc-751-8.json")
                    .replace("\"751-8\"", "\"" + loinc + "\"")
                    .replace(
                            "\"valueQuantity\": {\"value\": 0.4, \"unit\": \"x10^9/L\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"10*9/L\"}",
                            "\"valueQuantity\": {\"value\": " + value + ", \"unit\": \"" + unit + "\"}")
                    .replaceAll("\"referenceRange\": \\[[^]]*]", "\"referenceRange\": []");

            var answer = ingest.create("Observation", observation, SENDER);

            assertThat(answer.status())
                    .as(FHIR.newJsonParser().encodeResourceToString(answer.body()))
                    .isIn(200, 201);
            assertThat(publisher.published()).singleElement().satisfies(event -> {
                if (event.payload() instanceof LabResultRecorded lab) {
                    assertThat(lab.ucumUnit()).isEqualTo(ucum);
                    assertThat(lab.value()).isEqualByComparingTo(canonical);
                    assertThat(lab.reportedUnit()).isEqualTo(unit);
                } else {
                    assertThat(((VitalSignsRecorded) event.payload()).temperatureCelsius())
                            .isEqualByComparingTo(canonical);
                }
            });
        }

        @Test
        void anAmbiguousSpellingIsRefusedNotGuessed() {
            // G/L is giga per litre (a count) in UCUM and grams per litre on many analysers: never read as either.
            String hemoglobin = json("observation-anc-751-8.json")
                    .replace("\"751-8\"", "\"718-7\"")
                    .replace(
                            "\"valueQuantity\": {\"value\": 0.4, \"unit\": \"x10^9/L\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"10*9/L\"}",
                            "\"valueQuantity\": {\"value\": 85, \"unit\": \"G/L\"}")
                    .replaceAll("\"referenceRange\": \\[[^]]*]", "\"referenceRange\": []");

            var answer = ingest.create("Observation", hemoglobin, SENDER);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(((OperationOutcome) answer.body())
                            .getIssueFirstRep()
                            .getExpression()
                            .getFirst()
                            .getValue())
                    .isEqualTo("Observation.valueQuantity.unit");
            assertThat(publisher.payloadsOn(Topics.LAB_RESULTS)).isEmpty();
        }

        @Test
        void aVendorUnitWithoutACodeIsReadThroughTheSynonyms() {
            String anc = json("observation-anc-751-8.json")
                    .replace(
                            "\"valueQuantity\": {\"value\": 0.4, \"unit\": \"x10^9/L\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"10*9/L\"}",
                            "\"valueQuantity\": {\"value\": 0.4, \"unit\": \"K/uL\"}")
                    .replaceAll("\"referenceRange\": \\[[^]]*]", "\"referenceRange\": []");

            var answer = ingest.create("Observation", anc, SENDER);

            assertThat(answer.status()).isEqualTo(201);
            var stored =
                    (LabResultRecorded) publisher.payloadsOn(Topics.LAB_RESULTS).getFirst();
            assertThat(stored.reportedUnit()).isEqualTo("K/uL");
            assertThat(stored.value()).isEqualByComparingTo("0.4");
        }

        @Test
        void aTransactionWithAMixedPanelStoresTheGradedResultsAndCountsTheOthersSkipped() {
            String anc = json("observation-anc-751-8.json");
            String rbc = anc.replace("HEM-20261120-0042-1", "HEM-20261120-0042-2")
                    .replace("\"751-8\"", "\"789-8\"")
                    .replace("\"code\": \"10*9/L\"", "\"code\": \"10*12/L\"");
            String mcv = anc.replace("HEM-20261120-0042-1", "HEM-20261120-0042-3")
                    .replace("\"751-8\"", "\"787-2\"")
                    .replace("\"code\": \"10*9/L\"", "\"code\": \"fL\"");
            String transaction = """
                    {"resourceType":"Bundle","type":"transaction","entry":[
                      {"resource":%s,"request":{"method":"POST","url":"Observation"}},
                      {"resource":%s,"request":{"method":"POST","url":"Observation"}},
                      {"resource":%s,"request":{"method":"POST","url":"Observation"}}]}""".formatted(anc, rbc, mcv);

            var answer = ingest.bundle(transaction, SENDER);

            assertThat(answer.status()).isEqualTo(200);
            var entries = ((Bundle) answer.body()).getEntry();
            assertThat(entries)
                    .extracting(entry -> entry.getResponse().getStatus())
                    .containsExactly("201 Created", "200 OK", "200 OK");
            assertThat(((OperationOutcome) entries.get(1).getResponse().getOutcome())
                            .getIssueFirstRep()
                            .getDiagnostics())
                    .contains("stored 0, skipped 1 not monitored");
            assertThat(publisher.payloadsOn(Topics.LAB_RESULTS)).hasSize(1);
            assertThat(monitor.notMonitored)
                    .as("results counted as skipped, not monitored")
                    .isEqualTo(2);
        }

        @Test
        void aSingleUnmonitoredResultIsAnsweredStoredNothingSkippedOne() {
            String rbc = json("observation-anc-751-8.json")
                    .replace("\"751-8\"", "\"789-8\"")
                    .replace("\"code\": \"10*9/L\"", "\"code\": \"10*12/L\"");

            var answer = ingest.create("Observation", rbc, SENDER);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(((OperationOutcome) answer.body()).getIssueFirstRep().getDiagnostics())
                    .contains("stored 0, skipped 1 not monitored");
        }

        @Test
        void aSpecimenEntryOfTheTransactionGivesItsConditionToTheResultsReferencingIt() {
            String specimen = """
                    {"resourceType":"Specimen","condition":[{"coding":[
                      {"system":"http://terminology.hl7.org/CodeSystem/v2-0493","code":"HEM"}]}]}""";
            String referencing = json("observation-anc-751-8.json")
                    .replace(
                            "\"subject\"",
                            "\"specimen\": {\"reference\": \"urn:uuid:4b0b1f8e-56b1-4c7e-9a4a-3f0a3c1b2d11\"},\n  \"subject\"");
            String transaction = """
                    {"resourceType":"Bundle","type":"transaction","entry":[
                      {"fullUrl":"urn:uuid:4b0b1f8e-56b1-4c7e-9a4a-3f0a3c1b2d11","resource":%s,
                       "request":{"method":"POST","url":"Specimen"}},
                      {"resource":%s,"request":{"method":"POST","url":"Observation"}}]}""".formatted(specimen, referencing);

            var answer = ingest.bundle(transaction, SENDER);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(((Bundle) answer.body()).getEntry())
                    .extracting(entry -> entry.getResponse().getStatus())
                    .containsExactly("200 OK", "201 Created");
            var stored =
                    (LabResultRecorded) publisher.payloadsOn(Topics.LAB_RESULTS).getFirst();
            assertThat(stored.specimenConditions()).contains(SpecimenCondition.HEMOLYZED);
        }
    }
}
