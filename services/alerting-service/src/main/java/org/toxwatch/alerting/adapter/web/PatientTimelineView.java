package org.toxwatch.alerting.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyContext;
import org.toxwatch.model.ToxicityAssessed;

/**
 * A patient's assessments over time, and the same data arranged for charts: one panel per analyte with its
 * observations (each once, however many assessments used it) and the grades monitoring published.
 *
 * @param therapyMarkers the therapy starts (T0 / infusion day) named by the assessments' therapy context
 */
record PatientTimelineView(
        String patientId, List<Panel> panels, List<TherapyMarker> therapyMarkers, List<Entry> assessments) {

    record Panel(String key, String title, List<Series> series, List<GradeTrack> grades) {}

    record Series(String name, List<Point> points) {}

    /**
     * One observation as charted: the canonical value and unit where ingest converted it, else as reported.
     *
     * @param referenceRange the laboratory's range, in {@code reportedUnit}
     */
    record Point(
            UUID observationId,
            Instant observedAt,
            BigDecimal value,
            @Nullable String unit,
            @Nullable BigDecimal reportedValue,
            @Nullable String reportedUnit,
            @Nullable ReferenceRange referenceRange,
            String sourceMessageId) {}

    record GradeTrack(Criterion criterion, String criterionId, List<GradeAt> grades) {}

    record GradeAt(Instant assessedAt, int grade) {}

    record TherapyMarker(Therapy therapy, Instant startedAt) {}

    /** One assessment with its evidence, as received from monitoring. */
    record Entry(
            UUID eventId,
            Instant assessedAt,
            Criterion criterion,
            String criterionId,
            @Nullable Integer grade,
            @Nullable Integer previousGrade,
            String summary,
            boolean labOnlyGrading,
            List<Evidence> evidence,
            @Nullable TherapyContext therapyContext,
            String catalogueVersion) {

        static Entry of(ToxicityAssessed a) {
            return new Entry(
                    a.eventId(),
                    a.assessedAt(),
                    a.criterion(),
                    a.criterionId(),
                    a.grade(),
                    a.previousGrade(),
                    a.summary(),
                    a.labOnlyGrading(),
                    a.evidence(),
                    a.therapyContext(),
                    a.catalogueVersion());
        }
    }

    static PatientTimelineView of(String patientId, List<ToxicityAssessed> assessments) {
        var ordered = assessments.stream()
                .sorted(Comparator.comparing(ToxicityAssessed::assessedAt))
                .toList();
        var panels = new ArrayList<Panel>();
        for (TimelinePanel panel : TimelinePanel.values()) {
            panels.add(panel(panel, ordered));
        }
        var markers = ordered.stream()
                .map(ToxicityAssessed::therapyContext)
                .filter(Objects::nonNull)
                .map(context -> new TherapyMarker(context.therapy(), context.startedAt()))
                .distinct()
                .toList();
        return new PatientTimelineView(
                patientId, panels, markers, ordered.stream().map(Entry::of).toList());
    }

    private static Panel panel(TimelinePanel panel, List<ToxicityAssessed> ordered) {
        var series = panel.series().stream()
                .map(definition -> new Series(definition.name(), points(definition, ordered)))
                .toList();
        var grades = panel.criteria().stream()
                .map(criterion -> new GradeTrack(
                        criterion,
                        criterion.id(),
                        ordered.stream()
                                .filter(a -> a.criterion() == criterion && a.grade() != null)
                                .map(a -> new GradeAt(a.assessedAt(), Objects.requireNonNull(a.grade())))
                                .toList()))
                .toList();
        return new Panel(panel.name(), panel.title(), series, grades);
    }

    private static List<Point> points(TimelinePanel.SeriesDefinition definition, List<ToxicityAssessed> ordered) {
        Map<UUID, Point> byObservation = new LinkedHashMap<>();
        for (ToxicityAssessed assessment : ordered) {
            for (Evidence evidence : assessment.evidence()) {
                if (!definition.codes().contains(evidence.code())) {
                    continue;
                }
                BigDecimal charted = evidence.canonicalValue() != null ? evidence.canonicalValue() : evidence.value();
                if (charted == null) {
                    continue;
                }
                byObservation.putIfAbsent(
                        evidence.eventId(),
                        new Point(
                                evidence.eventId(),
                                evidence.observedAt(),
                                charted,
                                evidence.canonicalValue() != null ? evidence.canonicalUnit() : evidence.unit(),
                                evidence.value(),
                                evidence.unit(),
                                evidence.referenceRange(),
                                evidence.sourceMessageId()));
            }
        }
        return byObservation.values().stream()
                .sorted(Comparator.comparing(Point::observedAt))
                .toList();
    }
}
