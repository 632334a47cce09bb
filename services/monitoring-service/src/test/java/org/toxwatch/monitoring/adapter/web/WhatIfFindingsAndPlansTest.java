package org.toxwatch.monitoring.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.application.WhatIfCalculator;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.dosing.BesponsaPreDoseDecision;
import tools.jackson.databind.json.JsonMapper;

/** The calculator asked for the BESPONSA decision of a planned first dose, as an integrator writes the request. */
class WhatIfFindingsAndPlansTest {

    private static final String LABS_BEFORE_C1D1 = """
            "labResults": [
              {"loinc": "751-8", "value": 2.0, "unit": "10*9/L", "observedAt": "2027-05-31T09:00:00Z"},
              {"loinc": "777-3", "value": 150, "unit": "10*9/L", "observedAt": "2027-05-31T09:00:00Z"},
              {"loinc": "1975-2", "value": 10, "unit": "umol/L", "observedAt": "2027-05-31T09:00:00Z",
               "referenceRange": {"low": 3, "high": 21}},
              {"loinc": "1920-8", "value": 30, "unit": "U/L", "observedAt": "2027-05-31T09:00:00Z",
               "referenceRange": {"low": 10, "high": 40}},
              {"loinc": "1742-6", "value": 25, "unit": "U/L", "observedAt": "2027-05-31T09:00:00Z",
               "referenceRange": {"low": 7, "high": 45}}
            ],
            "plannedDoses": [
              {"therapy": "INOTUZUMAB_OZOGAMICIN", "cycle": 1, "cycleDay": 1, "plannedFor": "2027-06-01T09:00:00Z"}
            ]""";

    private final JsonMapper json = JsonMapper.builder().build();
    private final WhatIfCalculator calculator = new WhatIfCalculator(new ToxicityGrader(ZoneId.of("Europe/Berlin")));

    private Assessment besponsaDecision(String body) {
        var request = json.readValue(body, WhatIfRequest.class);
        return calculator.grade(request.patient(), request.toEvents()).stream()
                .filter(a -> a.criterion() == Criterion.BESPONSA_PRE_DOSE)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPlannedFirstDoseWithNormalBaselineLabsProceeds() {
        var decision = besponsaDecision("{" + LABS_BEFORE_C1D1 + "}");

        assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecision.PROCEED_GRADE);
        assertThat(decision.summary())
                .startsWith("For the planned dose, cycle 1 day 1, planned for 2027-06-01T09:00:00Z: ");
    }

    @Test
    void aVodDiagnosisDiscontinuesThePlannedFirstDose() {
        var decision = besponsaDecision("{" + LABS_BEFORE_C1D1 + """
                ,
                "clinicalFindings": [
                  {"finding": "VOD_SOS_DIAGNOSED", "observedAt": "2027-05-31T12:00:00Z"}
                ]}""");

        assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecision.DISCONTINUE_GRADE);
        assertThat(decision.summary()).contains("DISCONTINUE (VOD)");
    }

    @Test
    void aVodDiagnosisWithdrawnLaterNoLongerDiscontinues() {
        var decision = besponsaDecision("{" + LABS_BEFORE_C1D1 + """
                ,
                "clinicalFindings": [
                  {"finding": "VOD_SOS_DIAGNOSED", "observedAt": "2027-05-31T12:00:00Z"},
                  {"finding": "VOD_SOS_DIAGNOSED", "observedAt": "2027-05-31T18:00:00Z", "present": false}
                ]}""");

        assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecision.PROCEED_GRADE);
    }

    @Test
    void aCancellationListedAfterItsPlanLeavesNoDecisionStanding() {
        var request = json.readValue("{" + LABS_BEFORE_C1D1.replace("""
                  {"therapy": "INOTUZUMAB_OZOGAMICIN", "cycle": 1, "cycleDay": 1, "plannedFor": "2027-06-01T09:00:00Z"}""", """
                  {"therapy": "INOTUZUMAB_OZOGAMICIN", "cycle": 1, "cycleDay": 1, "plannedFor": "2027-06-01T09:00:00Z"},
                  {"therapy": "INOTUZUMAB_OZOGAMICIN", "cycle": 1, "cycleDay": 1, "plannedFor": "2027-06-01T09:00:00Z",
                   "cancelled": true}""") + "}", WhatIfRequest.class);

        var decision = calculator.grade(request.patient(), request.toEvents()).stream()
                .filter(a -> a.criterion() == Criterion.BESPONSA_PRE_DOSE)
                .findFirst()
                .orElseThrow();

        assertThat(decision.grade()).isNull();
        assertThat(decision.notAssessableReason()).contains("was cancelled");
    }
}
