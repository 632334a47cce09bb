package org.toxwatch.alerting.console.adapter.web;

import java.util.List;
import org.toxwatch.alerting.patient.domain.timeline.ChartedAnalyte;
import org.toxwatch.model.Criterion;

/**
 * What the patient timeline charts: each panel plots the observations of its analytes (every one received, see
 * {@link ChartedAnalyte}) and shows the grade of the criteria graded from them. The console draws grades as
 * monitoring published them; it never re-derives a grade or a threshold.
 */
enum TimelinePanel {
    ANC(
            "Absolute neutrophil count",
            List.of(ChartedAnalyte.ANC),
            List.of(Criterion.NEUTROPHIL_COUNT_DECREASED, Criterion.FEBRILE_NEUTROPENIA)),
    PLATELETS("Platelets", List.of(ChartedAnalyte.PLATELETS), List.of(Criterion.PLATELET_COUNT_DECREASED)),
    HEMOGLOBIN("Hemoglobin", List.of(ChartedAnalyte.HEMOGLOBIN), List.of(Criterion.ANEMIA)),
    AMINOTRANSFERASES(
            "ALT / AST",
            List.of(ChartedAnalyte.ALT, ChartedAnalyte.AST),
            List.of(Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, Criterion.ASPARTATE_AMINOTRANSFERASE_INCREASED)),
    BILIRUBIN("Total bilirubin", List.of(ChartedAnalyte.TOTAL_BILIRUBIN), List.of(Criterion.BLOOD_BILIRUBIN_INCREASED)),
    CREATININE("Creatinine", List.of(ChartedAnalyte.CREATININE), List.of(Criterion.CREATININE_INCREASED)),
    /** No grade: CRP and ferritin have no CTCAE term and are monitored, not graded (CRITERIA.md 2.8). */
    CRP("C-reactive protein", List.of(ChartedAnalyte.CRP), List.of()),
    FERRITIN("Ferritin", List.of(ChartedAnalyte.FERRITIN), List.of()),
    TEMPERATURE(
            "Body temperature",
            List.of(ChartedAnalyte.BODY_TEMPERATURE),
            List.of(Criterion.FEBRILE_NEUTROPENIA, Criterion.CYTOKINE_RELEASE_SYNDROME)),
    /** The CRS grade beside it: hypotension (systolic BP or MAP, CRITERIA.md 4.4) is one of its components. */
    BLOOD_PRESSURE(
            "Blood pressure",
            List.of(ChartedAnalyte.SYSTOLIC_BP, ChartedAnalyte.DIASTOLIC_BP, ChartedAnalyte.MEAN_ARTERIAL_PRESSURE),
            List.of(Criterion.CYTOKINE_RELEASE_SYNDROME)),
    /** No grade: ASTCT defines hypoxia by the oxygen support needed, not by an SpO2 number (CRITERIA.md 4.1). */
    SPO2("SpO2", List.of(ChartedAnalyte.SPO2), List.of());

    private final String title;
    private final List<ChartedAnalyte> series;
    private final List<Criterion> criteria;

    TimelinePanel(String title, List<ChartedAnalyte> series, List<Criterion> criteria) {
        this.title = title;
        this.series = series;
        this.criteria = criteria;
    }

    String title() {
        return title;
    }

    /** One line per analyte. */
    List<ChartedAnalyte> series() {
        return series;
    }

    List<Criterion> criteria() {
        return criteria;
    }
}
