package org.toxwatch.monitoring.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.application.WhatIfCalculator;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calculator's birth date (or age) and sex reach the ICANS tool (CRITERIA.md 5.3) and the default hemoglobin
 * range (1.3, 13.4) as a streamed patient's do: they pass through the same grader.
 */
class WhatIfAgeAndSexRulesTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final WhatIfCalculator calculator = new WhatIfCalculator(new ToxicityGrader(ZoneId.of("Europe/Berlin")));

    @ParameterizedTest(name = "{0}: ICE 10 and CAPD 9 -> ICANS {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"birthDate\": \"2014-11-18\", | 3 | age 11 years: CAPD (under 12 years) decides", // 11 y 364 d
                "\"birthDate\": \"2014-11-17\", | 0 | age 12 years: ICE (from 12 years) decides", // 12 y 0 d
                "\"ageYears\": 6,               | 3 | age 6 years: CAPD",
                "                               | 3 | age unknown: ICE and CAPD both reported, both counted",
            })
    void choosesTheIcansToolByTheAgeGiven(@Nullable String patient, int grade, String basis) {
        var icans = of(patient, """
                "neuroAssessments": [
                  {"observedAt": "2026-11-17T09:00:00Z", "iceScore": 10, "capdScore": 9, "consciousness": "ALERT",
                   "seizure": "NONE", "motor": "NONE", "icp": "NONE"}
                ]
                """, Criterion.ICANS);

        assertThat(icans.grade()).isEqualTo(grade);
        assertThat(icans.summary()).contains(basis);
    }

    @ParameterizedTest(name = "{0}, Hb {1} g/dL without a range -> anemia {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"sex\": \"MALE\",   \"ageYears\": 40, | 13.4 | 1 | Default row: Hemoglobin, male, 13.5-17.5 g/dL.",
                "\"sex\": \"FEMALE\", \"ageYears\": 40, | 13.4 | 0 | Default row: Hemoglobin, female, 12.0-15.5 g/dL.",
                "                                       | 11.9 | 1 | Default row: Hemoglobin, sex unknown, 12.0-17.5 g/dL.",
                "\"sex\": \"FEMALE\", \"ageYears\": 6,  | 11.9 | 1 | Adult default range applied to a 6-year-old",
            })
    void gradesHemoglobinOnTheRowOfTheSexGiven(@Nullable String patient, String hemoglobin, int grade, String named) {
        var anemia = of(patient, """
                "labResults": [
                  {"loinc": "718-7", "value": %s, "unit": "g/dL", "observedAt": "2026-11-17T09:00:00Z"}
                ]
                """.formatted(hemoglobin), Criterion.ANEMIA);

        assertThat(anemia.grade()).isEqualTo(grade);
        assertThat(anemia.summary()).contains(named);
    }

    /** {@code patient} is empty (null) when the request states neither age nor sex. */
    private Assessment of(@Nullable String patient, String inputs, Criterion criterion) {
        var request = json.readValue("{" + (patient == null ? "" : patient) + inputs + "}", WhatIfRequest.class);
        return calculator.grade(request.patient(), request.toEvents()).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }
}
