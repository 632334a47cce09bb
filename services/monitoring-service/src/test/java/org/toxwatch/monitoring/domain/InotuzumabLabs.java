package org.toxwatch.monitoring.domain;

import static org.toxwatch.monitoring.domain.PatientEvents.aLab;

import java.time.Instant;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The laboratory panel read before and during an inotuzumab course, as a typical laboratory reports it: ANC and
 * platelets in 10*9/L; bilirubin in umol/L (ULN 21); AST (ULN 40) and ALT (ULN 45) in U/L.
 */
public final class InotuzumabLabs {

    private InotuzumabLabs() {}

    public static PatientState labs(
            PatientState state, Instant at, String anc, String platelets, String bilirubin, String ast, String alt) {
        var counted = state.apply(
                        aLab(Analyte.ANC).value(anc).range("1.8", "7.7").at(at).build())
                .apply(aLab(Analyte.PLATELETS)
                        .value(platelets)
                        .range("150", "400")
                        .at(at)
                        .build());
        return liverTests(counted, at, bilirubin, ast, alt);
    }

    public static PatientState liverTests(PatientState state, Instant at, String bilirubin, String ast, String alt) {
        return state.apply(aLab(Analyte.TOTAL_BILIRUBIN)
                        .value(bilirubin)
                        .unit("umol/L")
                        .range("3", "21")
                        .at(at)
                        .build())
                .apply(aLab(Analyte.AST).value(ast).range("10", "40").at(at).build())
                .apply(aLab(Analyte.ALT).value(alt).range("7", "45").at(at).build());
    }
}
