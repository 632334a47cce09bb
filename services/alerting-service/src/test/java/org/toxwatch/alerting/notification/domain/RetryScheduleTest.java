package org.toxwatch.alerting.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {

    @ParameterizedTest(name = "after failure {0}: wait {1}")
    @CsvSource({"1, PT10S", "2, PT30S", "3, PT1M30S", "4, PT4M30S", "5, PT13M30S", "6, PT40M30S", "7, PT1H"})
    void waitsThreeTimesLongerEachTimeButNeverMoreThanAnHour(int failures, Duration wait) {
        assertThat(RetrySchedule.DEFAULT.waitAfter(failures)).isEqualTo(wait);
    }

    @ParameterizedTest(name = "{0} failed attempts: give up = {1}")
    @CsvSource({"7, false", "8, true"})
    void givesUpAfterTheLastAttempt(int failures, boolean givesUp) {
        assertThat(RetrySchedule.DEFAULT.givesUpAfter(failures)).isEqualTo(givesUp);
    }
}
