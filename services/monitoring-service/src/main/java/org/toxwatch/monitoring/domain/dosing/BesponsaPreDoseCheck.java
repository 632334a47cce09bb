package org.toxwatch.monitoring.domain.dosing;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.CensoredInputs.Labs;
import org.toxwatch.monitoring.domain.CensoredInputs.Outcomes;
import org.toxwatch.monitoring.domain.ClinicianFindings;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.PatientRule;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.SupportiveDrugGiven;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * The BESPONSA pre-dose decision (CRITERIA.md 8.2) on a patient, for the next dose: the earliest pending inotuzumab
 * plan, else the dose after the last one of the patient's current inotuzumab episode (see {@link NextBesponsaDose}).
 * It honours a standing VOD/SOS diagnosis, and does not auto-PROCEED on a count it cannot trust.
 */
public final class BesponsaPreDoseCheck implements PatientRule {

    private static final Outcomes DECISIONS = Outcomes.decisions(
            "as ToxWatch does not auto-PROCEED on a count it cannot trust (a"
                    + " transfused platelet count; docs/clinical/dose-rules.md#besponsa-transfusion)",
            "PROCEED",
            "HOLD",
            "DISCONTINUE");

    @Override
    public @Nullable Assessment assess(PatientState patient, GradingContext context) {
        return context.overCensored(
                DECISIONS,
                labs -> assess(patient, labs),
                Analyte.ANC,
                Analyte.PLATELETS,
                Analyte.TOTAL_BILIRUBIN,
                Analyte.AST,
                Analyte.ALT);
    }

    private static @Nullable Assessment assess(PatientState patient, Labs labs) {
        var now = patient.newestEventTime();
        if (now == null) {
            return null;
        }
        var atNow = patient.episodeAt(now);
        var episode = atNow != null && atNow.therapy() == Therapy.INOTUZUMAB_OZOGAMICIN ? atNow : null;
        var plans = patient.plansOf(Therapy.INOTUZUMAB_OZOGAMICIN);
        if (episode == null && plans.isEmpty()) {
            return null;
        }
        var besponsaLabs = new NextBesponsaDose.Labs() {
            @Override
            public List<LabResult> anc() {
                return labs.of(Analyte.ANC);
            }

            @Override
            public List<LabResult> platelets() {
                return labs.of(Analyte.PLATELETS);
            }

            @Override
            public List<LabResult> bilirubin() {
                return labs.of(Analyte.TOTAL_BILIRUBIN);
            }

            @Override
            public List<LabResult> ast() {
                return labs.of(Analyte.AST);
            }

            @Override
            public List<LabResult> alt() {
                return labs.of(Analyte.ALT);
            }

            @Override
            public List<Instant> plateletTransfusions() {
                return patient.supportiveDrugs().stream()
                        .filter(drug -> drug.drug() == SupportiveDrug.PLATELET_TRANSFUSION)
                        .map(SupportiveDrugGiven::givenAt)
                        .toList();
            }
        };
        var inotuzumab = patient.episodes().stream()
                .filter(e -> e.therapy() == Therapy.INOTUZUMAB_OZOGAMICIN)
                .toList();
        return NextBesponsaDose.assess(inotuzumab, episode, plans, liverDiagnosis(patient), besponsaLabs, now);
    }

    /** CRITERIA.md 8.2 rule 1: VOD/SOS or other severe liver toxicity diagnosed, at any time, and not withdrawn. */
    private static NextBesponsaDose.LiverDiagnosis liverDiagnosis(PatientState patient) {
        var standing = Stream.of(ClinicalFinding.VOD_SOS_DIAGNOSED, ClinicalFinding.SEVERE_LIVER_TOXICITY_DIAGNOSED)
                .flatMap(finding -> ClinicianFindings.standing(patient.findings(), finding, null).stream())
                .map(ClinicianFindings::evidence)
                .toList();
        return standing.isEmpty()
                ? NextBesponsaDose.LiverDiagnosis.NONE
                : new NextBesponsaDose.LiverDiagnosis(true, standing);
    }
}
