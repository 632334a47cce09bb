package org.toxwatch.alerting.adapter.web;

import java.util.List;
import java.util.Set;
import org.toxwatch.model.Criterion;

/**
 * What the patient timeline charts: each panel plots observations by LOINC code (the codes monitoring accepts
 * for the analyte) and shows the grade of the criteria graded from them. The console draws grades as monitoring
 * published them; it never re-derives a grade or a threshold.
 */
enum TimelinePanel {
    ANC(
            "Absolute neutrophil count",
            List.of(new SeriesDefinition("ANC", Set.of("751-8", "26499-4", "753-4"))),
            List.of(Criterion.NEUTROPHIL_COUNT_DECREASED, Criterion.FEBRILE_NEUTROPENIA)),
    PLATELETS(
            "Platelets",
            List.of(new SeriesDefinition("Platelets", Set.of("777-3", "26515-7", "778-1"))),
            List.of(Criterion.PLATELET_COUNT_DECREASED)),
    HEMOGLOBIN(
            "Hemoglobin",
            List.of(new SeriesDefinition("Hemoglobin", Set.of("718-7", "59260-0", "20509-6"))),
            List.of(Criterion.ANEMIA)),
    AMINOTRANSFERASES(
            "ALT / AST",
            List.of(
                    new SeriesDefinition("ALT", Set.of("1742-6", "1743-4")),
                    new SeriesDefinition("AST", Set.of("1920-8", "30239-8"))),
            List.of(Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, Criterion.ASPARTATE_AMINOTRANSFERASE_INCREASED)),
    BILIRUBIN(
            "Total bilirubin",
            List.of(new SeriesDefinition("Bilirubin", Set.of("1975-2", "14631-6", "42719-5"))),
            List.of(Criterion.BLOOD_BILIRUBIN_INCREASED)),
    TEMPERATURE(
            "Body temperature",
            List.of(new SeriesDefinition("Temperature", Set.of("8310-5"))),
            List.of(Criterion.FEBRILE_NEUTROPENIA, Criterion.CYTOKINE_RELEASE_SYNDROME));

    /** One line on a panel: the observations whose code is one of {@code codes}. */
    record SeriesDefinition(String name, Set<String> codes) {}

    private final String title;
    private final List<SeriesDefinition> series;
    private final List<Criterion> criteria;

    TimelinePanel(String title, List<SeriesDefinition> series, List<Criterion> criteria) {
        this.title = title;
        this.series = series;
        this.criteria = criteria;
    }

    String title() {
        return title;
    }

    List<SeriesDefinition> series() {
        return series;
    }

    List<Criterion> criteria() {
        return criteria;
    }
}
