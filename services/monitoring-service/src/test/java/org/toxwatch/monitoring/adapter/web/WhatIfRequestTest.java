package org.toxwatch.monitoring.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.application.WhatIfCalculator;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/** The calculator's request as an integrator writes it: neurological assessments grade ICANS and feed BLINCYTO. */
class WhatIfRequestTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final WhatIfCalculator calculator = new WhatIfCalculator(new ToxicityGrader(ZoneId.of("Europe/Berlin")));

    @Test
    void aBlinatumomabPatientWithAnIceScoreOfTwoIsIcansGradeThreeAndTheInfusionIsInterrupted() {
        var request = json.readValue("""
                {
                  "patientId": "what-if-neuro",
                  "therapyEvents": [
                    {"type": "ENROLLED", "occurredAt": "2026-11-10T08:00:00Z", "therapy": "BLINATUMOMAB"},
                    {"type": "INFUSION_STARTED", "occurredAt": "2026-11-10T08:00:00Z", "therapy": "BLINATUMOMAB",
                     "cycle": 1}
                  ],
                  "neuroAssessments": [
                    {"observedAt": "2026-11-11T10:00:00Z", "iceScore": 2, "consciousness": "ALERT",
                     "seizure": "NONE", "motor": "NONE", "icp": "NONE"}
                  ]
                }
                """, WhatIfRequest.class);

        var assessments = calculator.grade(request.patient(), request.toEvents());

        assertThat(assessments)
                .filteredOn(a -> a.criterion() == Criterion.ICANS)
                .singleElement()
                .satisfies(icans -> {
                    assertThat(icans.grade()).isEqualTo(3);
                    assertThat(icans.therapyContext().highIntensityMonitoring()).isTrue();
                    assertThat(icans.therapyContext().monitoringWindows())
                            .singleElement()
                            .asString()
                            .contains("cycle 1 day 2");
                });
        assertThat(assessments)
                .filteredOn(a -> a.criterion() == Criterion.BLINCYTO_ACTION)
                .singleElement()
                .satisfies(action -> {
                    assertThat(action.grade()).isEqualTo(1);
                    assertThat(action.summary()).contains("NEURO_GRADE_3");
                });
    }

    @Test
    void aRequestWithoutNeurologicalAssessmentsStillReads() {
        var request = json.readValue("{\"labResults\": []}", WhatIfRequest.class);

        assertThat(request.toEvents()).isEmpty();
        assertThat(request.neuroAssessments()).isNull();
    }
}
