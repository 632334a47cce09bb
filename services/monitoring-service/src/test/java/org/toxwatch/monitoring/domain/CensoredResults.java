package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;

import java.time.Instant;
import java.util.List;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.monitoring.domain.lab.ReportedLabs;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Censored results ({@code <0.1}, {@code >0.3}) and what an assessment over them must say (issue 14 item 3): one
 * outcome at every value the results allow is given with the caveat; otherwise no abnormal grade is certain.
 */
public final class CensoredResults {

    private CensoredResults() {}

    /** {@code lab} reported as {@code written}, e.g. {@code <0.1}. */
    public static LabResultRecorded reported(PatientEvents.Lab lab, String written) {
        var symbol = written.replaceAll("[0-9.]", "");
        var exact = lab.value(written.substring(symbol.length())).build();
        var comparator =
                symbol.isEmpty() ? null : ValueComparator.ofSymbol(symbol).orElseThrow();
        return ReportedLabs.with(exact, comparator, List.of(), null, null);
    }

    public static LabResultRecorded anc(Instant at, String written) {
        return reported(aLab(Analyte.ANC).range("1.8", "7.7").at(at), written);
    }

    public static void assertCertain(Assessment assessment, int grade, String censored) {
        assertThat(assessment.grade()).isEqualTo(grade);
        assertThat(assessment.caveats()).contains(AssessmentCaveat.CENSORED_RESULT);
        assertThat(assessment.summary()).contains(censored).contains("for every value");
        assertThat(assessment.evidence())
                .anySatisfy(e -> assertThat(e.display()).contains("censored: " + censored));
    }

    public static void assertNotCertain(Assessment assessment, String censored) {
        assertThat(assessment.isGraded()).isFalse();
        assertThat(assessment.caveats()).contains(AssessmentCaveat.CENSORED_RESULT);
        assertThat(assessment.notAssessableReason()).contains(censored).contains("no abnormal grade is certain");
    }
}
