package org.toxwatch.alerting.patient.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.patient.domain.timeline.TimelineBounds.Extent;

class TimelineBoundsTest {

    private static final Instant NEWEST = Instant.parse("2026-11-30T08:00:00Z");
    private static final Function<Instant, Instant> AS_IS = Function.identity();

    @Nested
    class Reading {

        @Test
        void keepsTheNewestUpToTheCountPerPatient() {
            var bounds = new TimelineBounds(3, Duration.ofDays(365));
            var newestFirst = List.of(NEWEST, hoursBefore(1), hoursBefore(2), hoursBefore(3), hoursBefore(4));

            assertThat(bounds.keep(newestFirst, AS_IS)).containsExactly(NEWEST, hoursBefore(1), hoursBefore(2));
        }

        @Test
        void keepsAnEntryExactlyTheRetentionBeforeTheNewestAndNoneOlder() {
            var bounds = new TimelineBounds(5_000, Duration.ofDays(365));
            Instant atTheLimit = NEWEST.minus(Duration.ofDays(365));
            var newestFirst = List.of(NEWEST, atTheLimit, atTheLimit.minusMillis(1));

            assertThat(bounds.keep(newestFirst, AS_IS)).containsExactly(NEWEST, atTheLimit);
        }

        @Test
        void anEmptyLogShowsNothing() {
            assertThat(new TimelineBounds(1, Duration.ZERO).keep(List.<Instant>of(), AS_IS))
                    .isEmpty();
        }

        @Test
        void aRetentionOfZeroKeepsOnlyWhatWasObservedWithTheNewest() {
            var bounds = new TimelineBounds(10, Duration.ZERO);

            assertThat(bounds.keep(List.of(NEWEST, NEWEST, hoursBefore(1)), AS_IS))
                    .containsExactly(NEWEST, NEWEST);
        }
    }

    @Nested
    class Trimming {

        private final TimelineBounds bounds = new TimelineBounds(100, Duration.ofDays(100));

        @Test
        void isDueOnceTheLogHoldsMoreThanATenthBeyondTheCount() {
            assertThat(bounds.trimDue(new Extent(110, hoursBefore(1), NEWEST))).isFalse();
            assertThat(bounds.trimDue(new Extent(111, hoursBefore(1), NEWEST))).isTrue();
        }

        @Test
        void isDueOnceTheOldestIsMoreThanATenthOfTheRetentionBeyondIt() {
            Instant tenthBeyond = NEWEST.minus(Duration.ofDays(110));

            assertThat(bounds.trimDue(new Extent(2, tenthBeyond, NEWEST))).isFalse();
            assertThat(bounds.trimDue(new Extent(2, tenthBeyond.minusMillis(1), NEWEST)))
                    .isTrue();
        }

        @Test
        void aLogKeptToOneEntryIsTrimmedAtTheSecondBeyondIt() {
            var one = new TimelineBounds(1, Duration.ofDays(365));

            assertThat(one.trimDue(new Extent(2, hoursBefore(1), NEWEST))).isFalse();
            assertThat(one.trimDue(new Extent(3, hoursBefore(1), NEWEST))).isTrue();
        }
    }

    @Test
    void keepsAtLeastOneEntryForAnyLength() {
        assertThatThrownBy(() -> new TimelineBounds(0, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("perPatient");
        assertThatThrownBy(() -> new TimelineBounds(1, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retention");
    }

    private static Instant hoursBefore(int hours) {
        return NEWEST.minus(Duration.ofHours(hours));
    }
}
