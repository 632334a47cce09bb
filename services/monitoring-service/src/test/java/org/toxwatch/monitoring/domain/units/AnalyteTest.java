package org.toxwatch.monitoring.domain.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CRITERIA.md 13.1 codes and 13.4 default ranges. */
class AnalyteTest {

    @ParameterizedTest(name = "LOINC {0} is {1}")
    @CsvSource({
        "751-8, ANC",
        "26499-4, ANC",
        "753-4, ANC",
        "770-8, NEUTROPHILS_PERCENT",
        "6690-2, WBC",
        "26464-8, WBC",
        "804-5, WBC",
        "731-0, LYMPHOCYTES",
        "26474-7, LYMPHOCYTES",
        "732-8, LYMPHOCYTES",
        "777-3, PLATELETS",
        "26515-7, PLATELETS",
        "778-1, PLATELETS",
        "718-7, HEMOGLOBIN",
        "59260-0, HEMOGLOBIN",
        "20509-6, HEMOGLOBIN",
        "1742-6, ALT",
        "1743-4, ALT",
        "1920-8, AST",
        "30239-8, AST",
        "6768-6, ALP",
        "2324-2, GGT",
        "1975-2, TOTAL_BILIRUBIN",
        "14631-6, TOTAL_BILIRUBIN",
        "42719-5, TOTAL_BILIRUBIN",
        "1968-7, DIRECT_BILIRUBIN",
        "2160-0, CREATININE",
        "14682-9, CREATININE",
        "38483-4, CREATININE",
        "2823-3, POTASSIUM",
        "6298-4, POTASSIUM",
        "3084-1, URATE",
        "14933-6, URATE",
        "2777-1, PHOSPHATE",
        "14879-1, PHOSPHATE",
        "17861-6, CALCIUM_TOTAL",
        "2000-8, CALCIUM_TOTAL",
        "29265-6, CALCIUM_CORRECTED",
        "1995-0, CALCIUM_IONIZED",
        "1994-3, CALCIUM_IONIZED",
        "1751-7, ALBUMIN",
        "3255-7, FIBRINOGEN",
        "2276-4, FERRITIN",
        "1988-5, CRP",
        "2532-0, LDH",
        "26881-3, IL6",
    })
    void mapsEveryCodeOfTheTable(String loinc, Analyte expected) {
        assertThat(Analyte.byLoinc(loinc)).contains(expected);
    }

    @ParameterizedTest(name = "LOINC {0} is not graded")
    @ValueSource(strings = {"30522-7", "8310-5", "8478-0", "99999-9", ""})
    void doesNotMapCodesOutsideTheTable(String loinc) {
        assertThat(Analyte.byLoinc(loinc)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: LLN {1}, ULN {2} {3}")
    @CsvSource({
        "ANC,               1.8,  7.7,  10*9/L",
        "WBC,               4.0,  11.0, 10*9/L",
        "LYMPHOCYTES,       1.0,  4.0,  10*9/L",
        "PLATELETS,         150,  400,  10*9/L",
        "HEMOGLOBIN,        12.0, 17.5, g/dL",
        "ALT,               ,     40,   U/L",
        "AST,               ,     40,   U/L",
        "ALP,               40,   130,  U/L",
        "GGT,               ,     60,   U/L",
        "TOTAL_BILIRUBIN,   0.1,  1.2,  mg/dL",
        "CREATININE,        0.6,  1.2,  mg/dL",
        "POTASSIUM,         3.5,  5.1,  mmol/L",
        "URATE,             3.5,  7.2,  mg/dL",
        "PHOSPHATE,         2.5,  4.5,  mg/dL",
        "CALCIUM_TOTAL,     8.5,  10.5, mg/dL",
        "CALCIUM_CORRECTED, 8.5,  10.5, mg/dL",
        "CALCIUM_IONIZED,   1.12, 1.32, mmol/L",
        "ALBUMIN,           3.5,  5.0,  g/dL",
        "FIBRINOGEN,        200,  400,  mg/dL",
        "FERRITIN,          30,   400,  ng/mL",
        "CRP,               ,     5,    mg/L",
        "LDH,               140,  280,  U/L",
    })
    void carriesTheAdultDefaultRangeInTheCanonicalUnit(Analyte analyte, BigDecimal lln, BigDecimal uln, String unit) {
        var range = analyte.defaultRange();

        assertThat(analyte.canonicalUnit()).isEqualTo(unit);
        if (lln == null) {
            assertThat(range.lower()).isNull();
        } else {
            assertThat(range.lower()).isEqualByComparingTo(lln);
        }
        assertThat(range.upper()).isEqualByComparingTo(uln);
    }

    @ParameterizedTest(name = "hemoglobin default for {0}: {1} - {2} g/dL")
    @CsvSource({"FEMALE, 12.0, 15.5", "MALE, 13.5, 17.5", "UNKNOWN, 12.0, 17.5"})
    void hasSexSpecificHemoglobinDefaults(Sex sex, BigDecimal lln, BigDecimal uln) {
        var range = Analyte.HEMOGLOBIN.defaultRange(sex);

        assertThat(range.lower()).isEqualByComparingTo(lln);
        assertThat(range.upper()).isEqualByComparingTo(uln);
    }

    @Test
    void gradesWithTheSexUnknownDefaultWhileTheContractCarriesNoSex() {
        assertThat(Analyte.HEMOGLOBIN.defaultRange()).isEqualTo(Analyte.HEMOGLOBIN.defaultRange(Sex.UNKNOWN));
    }
}
