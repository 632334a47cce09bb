package org.toxwatch.monitoring.domain.liversignals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.CensoredInputs.Labs;
import org.toxwatch.monitoring.domain.CensoredInputs.Outcomes;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.PatientRule;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Potential Hy's law (CRITERIA.md 7.1) on a patient: needs an aminotransferase and a bilirubin, each with its ULN,
 * and runs over every value their censored results allow.
 */
public final class HysLawSignal implements PatientRule {

    @Override
    public @Nullable Assessment assess(PatientState patient, GradingContext context) {
        return context.overCensored(
                Outcomes.GRADES, HysLawSignal::assess, Analyte.ALT, Analyte.AST, Analyte.TOTAL_BILIRUBIN, Analyte.ALP);
    }

    private static @Nullable Assessment assess(Labs labs) {
        var alt = liverTests(labs, Analyte.ALT);
        var ast = liverTests(labs, Analyte.AST);
        var bilirubin = liverTests(labs, Analyte.TOTAL_BILIRUBIN);
        if ((alt.isEmpty() && ast.isEmpty()) || bilirubin.isEmpty()) {
            return null;
        }
        var alp = liverTests(labs, Analyte.ALP);
        var assessedAt = Stream.of(alt, ast, bilirubin, alp)
                .flatMap(List::stream)
                .map(LiverTest::collectedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return HysLawRule.assess(alt, ast, bilirubin, alp, assessedAt);
    }

    private static List<LiverTest> liverTests(Labs labs, Analyte analyte) {
        var tests = new ArrayList<LiverTest>();
        for (var result : labs.of(analyte)) {
            var uln = result.upper();
            if (uln != null && uln.quantity().value().signum() > 0) {
                tests.add(new LiverTest(result.observation(), uln.quantity().value()));
            }
        }
        return tests;
    }
}
