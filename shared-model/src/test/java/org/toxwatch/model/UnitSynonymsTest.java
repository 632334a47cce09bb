package org.toxwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitSynonymsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "K/uL        | 10*3/uL",
                "10^3/uL     | 10*3/uL",
                "x10E3/uL    | 10*3/uL",
                "thou/uL     | 10*3/uL",
                "x10^9/L     | 10*9/L",
                "x 10⁹/L     | 10*9/L",
                "×10^9/L     | 10*9/L",
                "{cells}/uL  | /uL",
                "cells/µL    | /uL",
                "mEq/L       | meq/L",
                "IU/L        | [IU]/L",
                "µmol/L      | umol/L",
                "μmol/L      | umol/L",
                "g/dl        | g/dL",
                "°F          | [degF]",
                "degC        | Cel",
                "mmHg        | mm[Hg]",
                "bpm         | /min",
            })
    void vendorSpellingsMeanTheirUcumUnit(String reported, String ucum) {
        assertThat(UnitSynonyms.ucumOf(reported)).contains(ucum);
        assertThat(UnitSynonyms.toUcum(reported)).isEqualTo(ucum);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mg/Dl", "MG/dL", "mg/DL"})
    void aCaseVariantOfAnUnambiguousUnitIsThatUnit(String reported) {
        assertThat(UnitSynonyms.ucumOf(reported)).contains("mg/dL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"g/l", "G/l"})
    void aCaseVariantThatCouldBeGramsOrGigaIsNotGuessed(String reported) {
        assertThat(UnitSynonyms.ucumOf(reported)).isEmpty();
        assertThat(UnitSynonyms.toUcum(reported)).isEqualTo(reported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"g/L", "G/L", "10*9/L", "mmol/L"})
    void aUcumUnitStaysAsWritten(String ucum) {
        assertThat(UnitSynonyms.toUcum(" " + ucum + " ")).isEqualTo(ucum);
    }

    @ParameterizedTest
    @ValueSource(strings = {"furlongs", "mg", "/hpf", ""})
    void anUnknownSpellingIsReturnedAsWrittenForTheAnalyteToRefuse(String reported) {
        assertThat(UnitSynonyms.ucumOf(reported)).isEmpty();
        assertThat(UnitSynonyms.toUcum(reported)).isEqualTo(reported.trim());
    }
}
