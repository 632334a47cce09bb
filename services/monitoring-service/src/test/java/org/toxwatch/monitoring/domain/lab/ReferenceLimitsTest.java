package org.toxwatch.monitoring.domain.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.units.Analyte;
import org.toxwatch.monitoring.domain.units.Sex;

/** CRITERIA.md 1.3: reported limits converted to the canonical unit, else the 13.4 default. */
class ReferenceLimitsTest {

    @Test
    void convertsAReportedRangeToTheCanonicalUnit() {
        var limits = ReferenceLimits.resolve(Analyte.PLATELETS, range("150000", "400000"), "/uL");

        assertThat(limits.lower().quantity().value()).isEqualByComparingTo("150");
        assertThat(limits.lower().quantity().reportedValue()).isEqualByComparingTo("150000");
        assertThat(limits.lower().source()).isEqualTo(ReferenceRangeSource.REPORTED);
        assertThat(limits.upper().quantity().value()).isEqualByComparingTo("400");
    }

    @Test
    void usesTheAdultDefaultWithoutAReportedRange() {
        var limits = ReferenceLimits.resolve(Analyte.ANC, null, "/uL");

        assertThat(limits.lower().quantity().value()).isEqualByComparingTo("1.8");
        assertThat(limits.lower().quantity().reportedUnit()).isEqualTo("10*9/L");
        assertThat(limits.lower().source()).isEqualTo(ReferenceRangeSource.DEFAULT);
        assertThat(limits.upper().source()).isEqualTo(ReferenceRangeSource.DEFAULT);
    }

    @Test
    void takesOnlyTheSuppliedLimitFromAOneSidedRange() {
        var limits = ReferenceLimits.resolve(Analyte.ALT, range(null, "40"), "U/L");

        assertThat(limits.upper().source()).isEqualTo(ReferenceRangeSource.REPORTED);
        assertThat(limits.lower()).isNull(); // 13.4 has no LLN for ALT
    }

    @Test
    void fallsBackToTheDefaultForTheLimitAOneSidedRangeLacks() {
        var limits = ReferenceLimits.resolve(Analyte.ANC, range(null, "7.5"), "10*9/L");

        assertThat(limits.upper().source()).isEqualTo(ReferenceRangeSource.REPORTED);
        assertThat(limits.lower().source()).isEqualTo(ReferenceRangeSource.DEFAULT);
        assertThat(limits.lower().quantity().value()).isEqualByComparingTo("1.8");
    }

    @Test
    void usesTheSexSpecificHemoglobinDefaultWhenTheSexIsKnown() {
        var limits = ReferenceLimits.resolve(Analyte.HEMOGLOBIN, null, "g/dL", Sex.MALE);

        assertThat(limits.lower().quantity().value()).isEqualByComparingTo("13.5");
    }

    private static ReferenceRange range(String low, String high) {
        return new ReferenceRange(low == null ? null : new BigDecimal(low), high == null ? null : new BigDecimal(high));
    }
}
