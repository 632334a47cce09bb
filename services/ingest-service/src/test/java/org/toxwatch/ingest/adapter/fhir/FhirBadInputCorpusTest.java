package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.FHIR;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.json;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.resource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toxwatch.ingest.application.InMemoryInboundArchive;
import org.toxwatch.ingest.application.IngestMonitor;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.Topics;

/** Bad FHIR input, one case per way to get it wrong: each gets its own located error and one dead-letter record. */
class FhirBadInputCorpusTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private final FhirIngest ingest = new FhirIngest(
            new FhirJson(FHIR),
            new RecordClinicalEvents(
                    new ObservationValidator(Duration.ofMinutes(5)),
                    new TherapyEvents(Duration.ofMinutes(5)),
                    new LocalCodes(Map.of()),
                    publisher,
                    new InMemoryInboundArchive(),
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            new IngestMonitor() {
                @Override
                public void answered(String protocol, Answer answer, Duration waited) {}

                @Override
                public void rejected(String protocol, String reason) {}
            });

    static Stream<Arguments> observations() {
        return Stream.of(
                observation("no subject", o -> o.setSubject(null), "Observation.subject", "is required"),
                observation(
                        "a Group as subject",
                        o -> o.setSubject(new Reference("Group/ward-7")),
                        "Observation.subject.reference",
                        "must reference a Patient"),
                observation("no identifier", o -> o.getIdentifier().clear(), "Observation.identifier", "is required"),
                observation(
                        "registered",
                        o -> o.setStatus(Observation.ObservationStatus.REGISTERED),
                        "Observation.status",
                        "carries no result"),
                observation(
                        "a LOINC code mistyped (check digit): never skipped as unmonitored",
                        o -> o.getCode().getCodingFirstRep().setCode("2345-8"),
                        "Observation.code.coding[0].code",
                        "not a code ToxWatch monitors"),
                observation(
                        "a unit of another analyte",
                        o -> {
                            o.getValueQuantity().setCode("mg/dL");
                            o.getReferenceRange().clear();
                        },
                        "Observation.valueQuantity.code",
                        "'mg/dL'"),
                observation(
                        "a range in another unit than the value",
                        o -> o.getReferenceRangeFirstRep().getLow().setCode("/uL"),
                        "Observation.referenceRange[0].low",
                        "is in '/uL'"),
                observation(
                        "a negative count",
                        o -> o.getValueQuantity().setValue(new BigDecimal("-0.4")),
                        "Observation.valueQuantity.value",
                        "cannot be negative"),
                observation(
                        "a censored vital sign, which its record cannot carry",
                        o -> {
                            o.getCode().getCodingFirstRep().setCode("8867-4");
                            o.setValue(new Quantity()
                                    .setValue(180)
                                    .setSystem("http://unitsofmeasure.org")
                                    .setCode("/min")
                                    .setComparator(Quantity.QuantityComparator.GREATER_THAN));
                            o.getReferenceRange().clear();
                        },
                        "Observation.valueQuantity.comparator",
                        "cannot be recorded for Heart rate"),
                observation(
                        "a value as text",
                        o -> o.setValue(new StringType("<0.1")),
                        "Observation.value[x]",
                        "valueString is not supported"),
                observation(
                        "a month without a day",
                        o -> o.setEffective(new DateTimeType("2026-11")),
                        "Observation.effectiveDateTime",
                        "has no time of day"),
                observation(
                        "a time without a timezone",
                        o -> o.setEffective(new DateTimeType("2026-11-20T07:45:00")),
                        "Observation.effectiveDateTime",
                        "has no timezone"),
                observation(
                        "a time in the future",
                        o -> o.setEffective(new DateTimeType(Date.from(NOW.plus(Duration.ofHours(2))))),
                        "Observation.effectiveDateTime",
                        "is in the future"),
                observation("no effective time", o -> o.setEffective(null), "Observation.effective[x]", "is required"),
                observation(
                        "a temperature no living patient has",
                        o -> {
                            o.getCode().getCodingFirstRep().setCode("8310-5");
                            o.setValue(new Quantity()
                                    .setValue(60)
                                    .setSystem(SharedElements.UCUM)
                                    .setCode("Cel"));
                            o.getReferenceRange().clear();
                        },
                        "Observation.valueQuantity.value",
                        "between 25 and 45 Cel"),
                observation(
                        "a saturation over 100 %",
                        o -> {
                            o.getCode().getCodingFirstRep().setCode("59408-5");
                            o.setValue(new Quantity()
                                    .setValue(101)
                                    .setSystem(SharedElements.UCUM)
                                    .setCode("%"));
                            o.getReferenceRange().clear();
                        },
                        "Observation.valueQuantity.value",
                        "cannot exceed 100 %"),
                observation(
                        "an oxygen device ToxWatch does not know",
                        o -> {
                            o.getCode().getCodingFirstRep().setCode("107117-4");
                            o.setValue(new CodeableConcept(new Coding(ObservationMapper.SNOMED, "26412008", null)));
                            o.getReferenceRange().clear();
                        },
                        "Observation.valueCodeableConcept",
                        "not a known oxygen delivery device"));
    }

    @ParameterizedTest(name = "an Observation with {0}")
    @MethodSource("observations")
    void anObservationIsRejectedAtItsElementAndDeadLetteredOnce(
            String kind, Consumer<Observation> edit, String expression, String diagnostics) {
        var observation = resource("observation-anc-751-8.json", Observation.class);
        edit.accept(observation);

        var answer = ingest.create("Observation", FHIR.newJsonParser().encodeResourceToString(observation), "LIS");

        assertRejected(answer, expression, diagnostics, Topics.LAB_RESULTS_DLT);
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"resourceType\": \"Observation\", \"status\": ", "not readable"),
                Arguments.of(
                        "a date that is no date",
                        json("observation-anc-751-8.json").replace("2026-11-20T07:45:00+01:00", "2026-13-45T07:45:00Z"),
                        "not readable"),
                Arguments.of("another resource type", "{\"resourceType\": \"Patient\"}", "resourceType is 'Patient'"),
                Arguments.of("an empty body", "", "the body is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void anUnreadableBodyIsRejectedAndDeadLetteredOnce(String kind, String body, String diagnostics) {
        var answer = ingest.create("Observation", body, "LIS");

        assertRejected(answer, "Observation", diagnostics, Topics.LAB_RESULTS_DLT);
    }

    static Stream<Arguments> administrations() {
        return Stream.of(
                administration(
                        "a medication by reference",
                        m -> m.setMedication(new Reference("Medication/tocilizumab-162")),
                        "MedicationAdministration.medicationReference",
                        "send medicationCodeableConcept"),
                administration(
                        "an unknown status",
                        m -> m.setStatus(MedicationAdministration.MedicationAdministrationStatus.UNKNOWN),
                        "MedicationAdministration.status",
                        "'unknown' is not recorded"),
                administration(
                        "no time", m -> m.setEffective(null), "MedicationAdministration.effective[x]", "is required"),
                administration(
                        "a negative dose",
                        m -> m.getDosage().getDose().setValue(-560),
                        "MedicationAdministration.dosage.dose.value",
                        "cannot be negative"));
    }

    @ParameterizedTest(name = "a MedicationAdministration with {0}")
    @MethodSource("administrations")
    void anAdministrationIsRejectedAtItsElementAndDeadLetteredOnce(
            String kind, Consumer<MedicationAdministration> edit, String expression, String diagnostics) {
        var administration = resource("medication-administration-tocilizumab.json", MedicationAdministration.class);
        edit.accept(administration);

        var answer = ingest.create(
                "MedicationAdministration", FHIR.newJsonParser().encodeResourceToString(administration), "MAR");

        assertRejected(answer, expression, diagnostics, Topics.THERAPY_EVENTS_DLT);
    }

    private void assertRejected(FhirResponse answer, String expression, String diagnostics, String deadLetterTopic) {
        assertThat(answer.status()).isEqualTo(400);
        var errors = ((OperationOutcome) answer.body())
                .getIssue().stream()
                        .filter(issue -> issue.getSeverity() == IssueSeverity.ERROR)
                        .toList();
        assertThat(errors).singleElement().satisfies(issue -> {
            assertThat(issue.getExpression().getFirst().getValue()).isEqualTo(expression);
            assertThat(issue.getDiagnostics()).contains(diagnostics);
        });
        assertThat(publisher.payloadsOn(deadLetterTopic)).singleElement().isInstanceOf(RejectedInput.class);
        assertThat(publisher.published()).hasSize(1);
    }

    private static Arguments observation(
            String kind, Consumer<Observation> edit, String expression, String diagnostics) {
        return Arguments.of(kind, edit, expression, diagnostics);
    }

    private static Arguments administration(
            String kind, Consumer<MedicationAdministration> edit, String expression, String diagnostics) {
        return Arguments.of(kind, edit, expression, diagnostics);
    }
}
