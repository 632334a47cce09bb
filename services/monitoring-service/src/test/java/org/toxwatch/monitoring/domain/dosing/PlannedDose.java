package org.toxwatch.monitoring.domain.dosing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A planned BESPONSA dose under construction: by default C2D1 with normal counts and normal liver tests, now and
 * before treatment, no VOD and no transfusion, so each test states only what it is about.
 */
final class PlannedDose {

    private int cycle = 2;
    private int doseDay = 1;
    private String anc = "2.0";
    private String platelets = "150";
    private String pretreatmentAnc = "2.0";
    private String pretreatmentPlatelets = "150";
    private @Nullable String previousCycleDay1Anc;
    private @Nullable String previousCycleDay1Platelets;
    private String bilirubin = "0.8";
    private String bilirubinUln = "1.2";
    private String ast = "30";
    private String astUln = "40";
    private String alt = "30";
    private String altUln = "40";
    private String pretreatmentBilirubin = "0.8";
    private String pretreatmentAst = "30";
    private String pretreatmentAlt = "30";
    private boolean vod;
    private boolean transfusion;

    private PlannedDose() {}

    static PlannedDose aPlannedDose() {
        return new PlannedDose();
    }

    PlannedDose on(int cycle, int doseDay) {
        this.cycle = cycle;
        this.doseDay = doseDay;
        return this;
    }

    PlannedDose counts(String anc, String platelets) {
        this.anc = anc;
        this.platelets = platelets;
        return this;
    }

    PlannedDose pretreatmentCounts(String anc, String platelets) {
        this.pretreatmentAnc = anc;
        this.pretreatmentPlatelets = platelets;
        return this;
    }

    PlannedDose previousCycleDay1Counts(@Nullable String anc, @Nullable String platelets) {
        this.previousCycleDay1Anc = anc;
        this.previousCycleDay1Platelets = platelets;
        return this;
    }

    PlannedDose bilirubin(String value, String uln) {
        this.bilirubin = value;
        this.bilirubinUln = uln;
        return this;
    }

    PlannedDose ast(String value, String uln) {
        this.ast = value;
        this.astUln = uln;
        return this;
    }

    PlannedDose alt(String value, String uln) {
        this.alt = value;
        this.altUln = uln;
        return this;
    }

    PlannedDose pretreatmentLiverTests(String bilirubin, String ast, String alt) {
        this.pretreatmentBilirubin = bilirubin;
        this.pretreatmentAst = ast;
        this.pretreatmentAlt = alt;
        return this;
    }

    PlannedDose vodDiagnosed() {
        this.vod = true;
        return this;
    }

    PlannedDose plateletTransfusionWithin24h() {
        this.transfusion = true;
        return this;
    }

    PreDoseInputs inputs() {
        return new PreDoseInputs(
                cycle,
                doseDay,
                new BigDecimal(anc),
                new BigDecimal(platelets),
                new BigDecimal(pretreatmentAnc),
                new BigDecimal(pretreatmentPlatelets),
                previousCycleDay1Anc == null ? null : new BigDecimal(previousCycleDay1Anc),
                previousCycleDay1Platelets == null ? null : new BigDecimal(previousCycleDay1Platelets),
                new BigDecimal(bilirubin),
                new BigDecimal(bilirubinUln),
                new BigDecimal(ast),
                new BigDecimal(astUln),
                new BigDecimal(alt),
                new BigDecimal(altUln),
                new BigDecimal(pretreatmentBilirubin),
                new BigDecimal(pretreatmentAst),
                new BigDecimal(pretreatmentAlt),
                vod,
                transfusion);
    }

    PreDoseDecision decide() {
        return BesponsaPreDoseDecision.decide(inputs());
    }
}
