package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.resource;

import java.time.Instant;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.ingest.domain.ClinicalFindingSubmission;

class FindingMapperTest {

    private final FindingMapper mapper = new FindingMapper();

    private static Condition vod() {
        return resource("condition-vod-diagnosed.json", Condition.class);
    }

    private ClinicalFindingSubmission only(Condition condition) {
        var mapped = mapper.map(condition);
        assertThat(mapped.problems()).isEmpty();
        return mapped.items().getFirst().submission();
    }

    private static CodeableConcept status(String system, String code) {
        return new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/" + system, code, null));
    }

    @Test
    void anActiveConfirmedVodConditionIsAPresentFindingFromItsOnset() {
        var finding = only(vod());

        assertThat(finding.code()).isEqualTo("http://snomed.info/sct|65617004");
        assertThat(finding.present()).isTrue();
        assertThat(finding.patientId()).isEqualTo("MRN-0010");
        assertThat(finding.observedAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
        assertThat(finding.sourceFindingId()).isEqualTo("https://ehr.example-hospital.org/problems|PRB-5521");
        assertThat(finding.sourceMessageId())
                .isEqualTo("https://ehr.example-hospital.org/problems|PRB-5521#active/confirmed");
    }

    @Test
    void aRefutedDiagnosisWithdrawsTheFindingFromItsOnset() {
        var refuted = vod().setVerificationStatus(status("condition-ver-status", "refuted"));

        var finding = only(refuted);

        assertThat(finding.present()).isFalse();
        assertThat(finding.observedAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
        assertThat(finding.sourceMessageId()).endsWith("#active/refuted");
    }

    @Test
    void anEnteredInErrorConditionWithoutClinicalStatusWithdrawsTheFinding() {
        var wrong =
                vod().setClinicalStatus(null).setVerificationStatus(status("condition-ver-status", "entered-in-error"));

        assertThat(only(wrong).present()).isFalse();
    }

    @Test
    void aResolvedConditionIsWithdrawnWhenItAbated() {
        var resolved = vod().setClinicalStatus(status("condition-clinical", "resolved"))
                .setAbatement(new DateTimeType("2026-12-02"));

        var finding = only(resolved);

        assertThat(finding.present()).isFalse();
        assertThat(finding.observedAt()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    }

    @Test
    void aResolvedConditionWithoutAbatementIsRefusedAtTheAbatement() {
        var resolved = vod().setClinicalStatus(status("condition-clinical", "resolved"));

        assertThat(mapper.map(resolved).problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.expression()).isEqualTo("Condition.abatement[x]"));
    }

    @Test
    void aDiagnosisGivenToTheDayStartsAtThatDaysStartInUtc() {
        var dated = vod().setOnset(new DateTimeType("2026-11-20"));

        assertThat(only(dated).observedAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void aDifferentialDiagnosisIsRefusedAsNotSupportedNotDropped() {
        var differential = vod().setVerificationStatus(status("condition-ver-status", "differential"));

        assertThat(mapper.map(differential).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(IssueType.NOTSUPPORTED);
            assertThat(problem.expression()).isEqualTo("Condition.verificationStatus");
        });
    }

    @Test
    void aCodeOutsideTheTableIsKeptAsSentSoItsRejectionNamesIt() {
        var other = vod().setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "38739001", "Budd-Chiari")));

        assertThat(only(other).code()).isEqualTo("http://snomed.info/sct|38739001");
    }

    @Test
    void theToxWatchFindingSystemNamesAnyFindingAfterOtherCodings() {
        var ascites = vod().setCode(new CodeableConcept()
                .addCoding(new Coding("urn:oid:1.2.3", "LOCAL-9", null))
                .addCoding(new Coding("urn:toxwatch:finding", "ASCITES", null)));

        assertThat(only(ascites).code()).isEqualTo("urn:toxwatch:finding|ASCITES");
    }

    @Nested
    class Observations {

        private Observation hepatomegaly() {
            var observation = new Observation()
                    .setStatus(Observation.ObservationStatus.FINAL)
                    .setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "80515008", "Hepatomegaly")))
                    .setSubject(new Reference("Patient/MRN-0010"))
                    .setEffective(new DateTimeType("2026-11-20T08:00:00Z"));
            observation.addIdentifier(new Identifier().setSystem("urn:exam").setValue("EX-1"));
            return observation;
        }

        @Test
        void anObservationCodedWithAKnownSnomedFindingAndNoLoincIsAFinding() {
            assertThat(FindingMapper.isFinding(hepatomegaly())).isTrue();
            assertThat(FindingMapper.isFinding(
                            hepatomegaly().setCode(new CodeableConcept(new Coding("http://loinc.org", "751-8", null)))))
                    .isFalse();
        }

        @Test
        void withoutAValueTheFindingIsPresentAndValueBooleanFalseWithdrawsIt() {
            var present = mapper.map(hepatomegaly()).items().getFirst().submission();
            var absent = mapper.map(hepatomegaly().setValue(new BooleanType(false)))
                    .items()
                    .getFirst()
                    .submission();

            assertThat(present.present()).isTrue();
            assertThat(present.observedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
            assertThat(absent.present()).isFalse();
        }

        @Test
        void anEnteredInErrorFindingObservationWithdrawsIt() {
            var withdrawn = hepatomegaly().setStatus(Observation.ObservationStatus.ENTEREDINERROR);

            assertThat(mapper.map(withdrawn).items().getFirst().submission().present())
                    .isFalse();
        }
    }
}
