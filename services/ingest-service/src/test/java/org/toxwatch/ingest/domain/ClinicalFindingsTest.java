package org.toxwatch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.ClinicalFinding;

class ClinicalFindingsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final ClinicalFindings findings = new ClinicalFindings(Duration.ofMinutes(5));

    private static ClinicalFindingSubmission vod(String finding, String code, Boolean present) {
        return new ClinicalFindingSubmission(
                "MRN-0010", finding, code, present, Instant.parse("2026-11-20T09:30:00Z"), "dx-4", "dx-4-1");
    }

    @Test
    void aFindingNamedByToxWatchsNameIsPresentUnlessSaidOtherwise() {
        var named = vod("vod_sos_diagnosed", null, null);

        assertThat(findings.validate(named, NOW)).isEmpty();
        var event = ClinicalFindings.toEvent(named, "EHR", NOW);
        assertThat(event.finding()).isEqualTo(ClinicalFinding.VOD_SOS_DIAGNOSED);
        assertThat(event.present()).isTrue();
        assertThat(event.sourceFindingId()).isEqualTo("dx-4");
    }

    @Test
    void theVerifiedSnomedCodesAndTheToxWatchSystemNameTheirFindings() {
        assertThat(FindingCodes.findingOf("http://snomed.info/sct|65617004"))
                .contains(ClinicalFinding.VOD_SOS_DIAGNOSED);
        assertThat(FindingCodes.findingOf("http://snomed.info/sct|80515008")).contains(ClinicalFinding.HEPATOMEGALY);
        assertThat(FindingCodes.findingOf("http://snomed.info/sct|389026000")).contains(ClinicalFinding.ASCITES);
        assertThat(FindingCodes.findingOf("http://snomed.info/sct|301717006"))
                .contains(ClinicalFinding.PAINFUL_HEPATOMEGALY);
        assertThat(FindingCodes.findingOf("urn:toxwatch:finding|SEVERE_LIVER_TOXICITY_DIAGNOSED"))
                .contains(ClinicalFinding.SEVERE_LIVER_TOXICITY_DIAGNOSED);
    }

    @Test
    void aCodeOutsideTheTableIsRejectedWithTheCodesThatWouldBeTaken() {
        // 38739001 is Budd-Chiari / hepatic vein thrombosis, often mistaken for VOD: never guessed.
        var violations = findings.validate(vod(null, "http://snomed.info/sct|38739001", true), NOW);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("code");
            assertThat(violation.message()).contains("65617004").contains("urn:toxwatch:finding|<finding>");
        });
    }

    @Test
    void aNameAndACodeThatDisagreeAreRejected() {
        assertThat(findings.validate(vod("ASCITES", "http://snomed.info/sct|65617004", true), NOW))
                .extracting(Violation::field)
                .containsExactly("code");
    }

    @Test
    void aFindingWithNeitherNameNorCodeIsRejected() {
        assertThat(findings.validate(vod(null, null, true), NOW))
                .extracting(Violation::field)
                .containsExactly("finding");
    }

    @Test
    void aFindingMadeInTheFutureIsRejected() {
        var future = new ClinicalFindingSubmission(
                "MRN-0010", "ASCITES", null, true, NOW.plus(Duration.ofHours(1)), null, "dx-5");

        assertThat(findings.validate(future, NOW)).extracting(Violation::field).containsExactly("observedAt");
    }

    @Test
    void aResendIsTheSameEventAndAWithdrawalAnother() {
        var first = ClinicalFindings.toEvent(vod("VOD_SOS_DIAGNOSED", null, true), "EHR", NOW);
        var resent = ClinicalFindings.toEvent(vod("VOD_SOS_DIAGNOSED", null, true), "EHR", NOW.plusSeconds(60));
        var withdrawn = ClinicalFindings.toEvent(vod("VOD_SOS_DIAGNOSED", null, false), "EHR", NOW);

        assertThat(resent.eventId()).isEqualTo(first.eventId());
        assertThat(withdrawn.eventId()).isNotEqualTo(first.eventId());
        assertThat(withdrawn.present()).isFalse();
    }

    @Test
    void aControlCharacterInTheCodeIsMalformedBeforeAnyRule() {
        assertThat(ClinicalFindings.hygiene(vod(null, "http://snomed.info/sct|6561\u00007004", true)))
                .extracting(Violation::field)
                .containsExactly("code");
    }
}
