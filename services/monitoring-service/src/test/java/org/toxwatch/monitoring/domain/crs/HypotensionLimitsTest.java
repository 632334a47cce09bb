package org.toxwatch.monitoring.domain.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.monitoring.domain.crs.HypotensionLimit.Band;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;
import org.toxwatch.monitoring.domain.patient.PatientProfile;

/**
 * CRITERIA.md 4.4: hypotension is a systolic pressure strictly below the limit for the age on the assessment's day
 * (adults also a MAP below 65 mmHg). At the limit is not hypotension; one mmHg below is. Every band and every band
 * edge, assessed on 2 March 2026.
 */
class HypotensionLimitsTest {

    private static final LocalDate ASSESSMENT_DAY = LocalDate.parse("2026-03-02");
    private static final HypotensionLimits LIMITS = HypotensionLimits.defaults();

    private static Optional<AgeAtAssessment> bornOn(String birthDate) {
        return new PatientProfile(LocalDate.parse(birthDate), null)
                .ageAt(ASSESSMENT_DAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @ParameterizedTest(name = "born {0} ({1}): systolic < {2} mmHg, {3}")
    @CsvSource({
        // birth date, age on 2026-03-02, limit (mmHg),  band
        "2026-03-02, day of birth (day 0),        60, NEONATE",
        "2026-02-03, 27 days (last neonatal day), 60, NEONATE",
        "2026-02-02, 28 days,                     70, INFANT",
        "2025-04-02, 11 months,                   70, INFANT",
        "2025-03-03, 11 months 27 days,           70, INFANT",
        "2025-03-02, 12 months = 1 year,          72, CHILD",
        "2022-03-02, 4 years,                     78, CHILD",
        "2020-03-02, 6 years,                     82, CHILD",
        "2016-03-02, 10 years 0 days,             90, CHILD",
        "2015-03-03, 10 years 364 days,           90, CHILD",
        "2015-03-02, 11 years,                    90, OLDER_CHILD",
        "2008-03-03, 17 years 364 days,           90, OLDER_CHILD",
        "2008-03-02, 18 years,                    90, ADULT",
        "1950-03-02, 76 years,                    90, ADULT",
    })
    void aSystolicAtTheLimitIsNotHypotensionAndOneBelowIs(String birthDate, String age, String limit, Band band) {
        var forAge = LIMITS.forAge(bornOn(birthDate));
        var atLimit = new BigDecimal(limit);

        assertThat(forAge.band()).isEqualTo(band);
        assertThat(forAge.systolicBelow()).isEqualByComparingTo(atLimit);
        assertThat(forAge.isMetBy(atLimit, null)).as("systolic at the limit").isFalse();
        assertThat(forAge.isMetBy(atLimit.subtract(BigDecimal.ONE), null))
                .as("one below the limit")
                .isTrue();
        assertThat(forAge.isMetBy(new BigDecimal("0.1").negate().add(atLimit), null))
                .as("strictly below, however little")
                .isTrue();
    }

    @ParameterizedTest(name = "born {0}: a MAP of 30 mmHg alone is not hypotension")
    @CsvSource({"2026-03-02", "2025-04-02", "2020-03-02", "2015-03-02", "2008-03-03"})
    void aChildsMeanArterialPressureIsNeverHypotensionByItself(String birthDate) {
        var forAge = LIMITS.forAge(bornOn(birthDate));

        assertThat(forAge.meanArterialBelow()).isNull();
        assertThat(forAge.isMetBy(null, new BigDecimal("30"))).isFalse();
    }

    @Test
    void anAdultMapBelow65IsHypotensionAndAMapOf65IsNot() {
        var adult = LIMITS.forAge(bornOn("2008-03-02"));

        assertThat(adult.isMetBy(new BigDecimal("120"), new BigDecimal("65"))).isFalse();
        assertThat(adult.isMetBy(new BigDecimal("120"), new BigDecimal("64"))).isTrue();
    }

    @Test
    void withoutABirthDateTheAdultLimitsApplyAndSaySo() {
        var unknown = LIMITS.forAge(Optional.empty());

        assertThat(unknown.band()).isEqualTo(Band.AGE_UNKNOWN);
        assertThat(unknown.isMetBy(new BigDecimal("89"), null)).isTrue();
        assertThat(unknown.isMetBy(new BigDecimal("90"), new BigDecimal("64"))).isTrue();
        assertThat(unknown.condition())
                .isEqualTo("systolic < 90 mmHg or MAP < 65 mmHg (age unknown — adult thresholds)");
    }

    @Test
    void aBirthDateAfterTheAssessmentDayIsAnUnknownAge() {
        assertThat(LIMITS.forAge(bornOn("2026-03-03")).band()).isEqualTo(Band.AGE_UNKNOWN);
    }

    @Test
    void theConditionNamesTheLimitItsSourceAndTheAge() {
        assertThat(LIMITS.forAge(bornOn("2020-03-02")).condition()).isEqualTo("systolic < 82 mmHg (PALS, age 6 years)");
        assertThat(LIMITS.forAge(bornOn("2026-02-10")).condition()).isEqualTo("systolic < 60 mmHg (PALS, age 20 days)");
        assertThat(LIMITS.forAge(bornOn("1980-01-15")).condition())
                .isEqualTo("systolic < 90 mmHg or MAP < 65 mmHg (adult, age 46 years)");
    }

    @Test
    void theAgeIsCountedOnTheHospitalsCalendarDay() {
        // 23:30 UTC on the day before the sixth birthday is already the birthday in Berlin
        var lateEvening = Instant.parse("2026-03-01T23:30:00Z");
        var profile = new PatientProfile(LocalDate.parse("2020-03-02"), null);

        assertThat(LIMITS.forAge(profile.ageAt(lateEvening, ZoneOffset.UTC)).systolicBelow())
                .isEqualByComparingTo("80");
        assertThat(LIMITS.forAge(profile.ageAt(lateEvening, ZoneId.of("Europe/Berlin")))
                        .systolicBelow())
                .isEqualByComparingTo("82");
    }

    @Test
    void configuredLimitsReplaceTheDefaults() {
        var hospital = new HypotensionLimits(
                new BigDecimal("90"),
                new BigDecimal("65"),
                new BigDecimal("60"),
                new BigDecimal("70"),
                new BigDecimal("70"),
                new BigDecimal("2.5"),
                new BigDecimal("95"));

        assertThat(hospital.forAge(bornOn("2020-03-02")).systolicBelow()).isEqualByComparingTo("85");
        assertThat(hospital.forAge(bornOn("2015-03-02")).systolicBelow()).isEqualByComparingTo("95");
    }

    @Test
    void fromBirthToAdulthoodTheLimitNeverFallsAndStaysBetweenTheNeonatalAndTheAdultSystolic() {
        var born = LocalDate.parse("2000-01-01");
        var profile = new PatientProfile(born, null);
        var previous = BigDecimal.ZERO;

        for (var day = born; day.isBefore(born.plusYears(19)); day = day.plusDays(1)) {
            var limit = LIMITS.forAge(profile.ageAt(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                    .systolicBelow();

            assertThat(limit)
                    .as("on %s", day)
                    .isGreaterThanOrEqualTo(previous)
                    .isBetween(LIMITS.neonateSystolicBelow(), LIMITS.adultSystolicBelow());
            previous = limit;
        }
    }
}
