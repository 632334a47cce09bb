package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.monitoring.domain.lab.Probe;
import org.toxwatch.monitoring.domain.lab.Quantity;
import org.toxwatch.monitoring.domain.lab.ReportedLabs;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The stand-ins {@link CensoredInputs} reads for a censored result: each compares with every threshold as the probes
 * do (issue 14 item 3).
 */
class CensoredInputsTest {

    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));

    private Assessment of(PatientState state, Criterion criterion) {
        return grader.assessAll(state).stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class StandIns {

        /**
         * The exact decimals the rules see compare with every threshold as H3's probes do: just below 0.1 is below
         * 0.1 and above 0.0999; below everything is below the lowest threshold.
         */
        @ParameterizedTest
        @CsvSource({
            "0.1, <, 0.1",
            "0.1, <, 0.0999",
            "0.1, <=, 0.1",
            "0.3, >, 0.3",
            "0.3, >, 0.5",
            "0.3, >=, 0.3",
            "2.4, >, 2.4",
            "2.4, <, 0.001",
            "2.4, >, 100000"
        })
        void standInsCompareWithEveryThresholdAsTheProbesDo(String bound, String symbol, String threshold) {
            var comparator = ValueComparator.ofSymbol(symbol).orElseThrow();
            var result = ReportedLabs.reported(Analyte.ANC, symbol + bound, "10*9/L", "1.8", "7.7");
            var resolution = CensoredInputs.Resolution.of(List.of(result));
            var t = new BigDecimal(threshold);

            for (var end : result.ends()) {
                Probe probe = end.probe();
                var expected = Quantity.canonical(new BigDecimal(bound), "10*9/L")
                        .censored(comparator, probe)
                        .compareToCanonical(t);
                var standIn = resolution.at(new BigDecimal(bound), probe);

                assertThat(Integer.signum(standIn.compareTo(t)))
                        .as("%s%s at %s against %s", symbol, bound, probe, threshold)
                        .isEqualTo(expected);
            }
        }
    }
}
