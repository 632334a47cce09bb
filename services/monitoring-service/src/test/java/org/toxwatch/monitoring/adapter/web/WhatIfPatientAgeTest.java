package org.toxwatch.monitoring.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.application.WhatIfCalculator;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calculator takes the patient's birth date (or age in years) and sex (issue 10 item 4) and grades CRS
 * hypotension by the PALS limit for age as the stream does (CRITERIA.md 4.4): a CAR-T patient febrile on day 1.
 */
class WhatIfPatientAgeTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final WhatIfCalculator calculator = new WhatIfCalculator(new ToxicityGrader(ZoneId.of("Europe/Berlin")));

    private Assessment crsOf(String patient, int systolic) {
        var request = json.readValue("""
                {
                  %s
                  "therapyEvents": [
                    {"type": "CAR_T_INFUSED", "occurredAt": "2026-11-16T09:00:00Z", "therapy": "CAR_T",
                     "product": "CD19/CD22 CAR-T"}
                  ],
                  "vitalSigns": [
                    {"observedAt": "2026-11-17T09:00:00Z", "temperatureCelsius": 38.6, "systolicMmHg": %d,
                     "diastolicMmHg": 50}
                  ]
                }
                """.formatted(patient, systolic), WhatIfRequest.class);
        return calculator.grade(request.patient(), request.toEvents()).stream()
                .filter(a -> a.criterion() == Criterion.CYTOKINE_RELEASE_SYNDROME)
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest(name = "{0}{1}, systolic {2} -> CRS {3}")
    @CsvSource({
        "birthDate, '\"2022-08-01\"', 85, 1", // 4 years: < 78
        "ageYears,  4,                85, 1",
        "birthDate, '\"2020-06-01\"', 82, 1", // 6 years: < 82
        "birthDate, '\"2020-06-01\"', 81, 2",
        "ageYears,  6,                81, 2",
        "ageYears,  6,                82, 1",
        "birthDate, '\"2026-11-01\"', 60, 1", // 16 days: < 60
        "birthDate, '\"2026-11-01\"', 59, 2",
        "ageYears,  18,               89, 2",
    })
    void gradesCrsHypotensionByThePalsLimitForTheAgeGiven(String field, String value, int systolic, int crsGrade) {
        var crs = crsOf("\"%s\": %s, \"sex\": \"FEMALE\",".formatted(field, value), systolic);

        assertThat(crs.grade()).isEqualTo(crsGrade);
    }

    @Test
    void namesTheAgeOnTheAssessment() {
        assertThat(crsOf("\"ageYears\": 6,", 86).summary()).contains("systolic < 82 mmHg (PALS, age 6 years)");
    }

    @Test
    void withoutABirthDateOrAgeUsesTheAdultLimitsAndSaysSo() {
        var crs = crsOf("", 85);

        assertThat(crs.grade()).isEqualTo(2);
        assertThat(crs.summary()).contains("age unknown — adult thresholds");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"ageYears\": 0,                              | birthDate",
                "\"ageYears\": 131,                            | ageYears must be 1 to 130",
                "\"ageYears\": 6, \"birthDate\": \"2020-06-01\", | not both",
                "\"birthDate\": \"2027-01-01\",                  | after every input",
            })
    void refusesAnAgeItCannotUse(String patient, @Nullable String reason) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> crsOf(patient, 85))
                .withMessageContaining(reason);
    }
}
