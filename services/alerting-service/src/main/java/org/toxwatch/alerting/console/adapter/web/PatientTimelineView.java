package org.toxwatch.alerting.console.adapter.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.toxwatch.alerting.console.domain.TimeScale;
import org.toxwatch.alerting.console.domain.ValueScale;
import org.toxwatch.alerting.patient.domain.timeline.ChartedAnalyte;
import org.toxwatch.alerting.patient.domain.timeline.ChartedObservation;
import org.toxwatch.alerting.patient.domain.timeline.PatientObservations;
import org.toxwatch.alerting.patient.domain.timeline.TherapyMilestone;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyContext;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.ToxicityAssessed;

/**
 * A patient's assessments over time, and the same data arranged for charts: one panel per analyte with every
 * observation received (from the observation log, and those assessments quote), the grades monitoring published,
 * the therapy events, and axes with readable ticks in the hospital's time zone.
 *
 * @param hospitalZone the zone of {@code timeAxis} and of every time the console shows
 * @param timeAxis absent when there is nothing to chart; its dates also count the days since the latest day 0
 * @param therapyEvents the therapy events received, each with what the chart writes beside it
 * @param therapyMarkers the episode starts (T0) the assessments name, for therapies with no therapy event received
 */
record PatientTimelineView(
        String patientId,
        String hospitalZone,
        @Nullable TimeScale timeAxis,
        List<Panel> panels,
        List<TherapyEvent> therapyEvents,
        List<TherapyMarker> therapyMarkers,
        List<Entry> assessments) {

    private static final int VALUE_TICKS = 7;
    private static final int TIME_TICKS = 9;

    /**
     * @param unit the canonical unit every value of the panel is in
     * @param valueAxis absent when the panel has no value
     */
    record Panel(
            String key,
            String title,
            String unit,
            @Nullable ValueScale valueAxis,
            List<Series> series,
            List<GradeTrack> grades) {}

    /** @param nadir the lowest observation, for the cytopenias (ANC, platelets, hemoglobin) */
    record Series(String name, List<Point> points, @Nullable UUID nadir) {}

    /**
     * One observation as charted, in the canonical unit.
     *
     * @param reportedValue the value as an assessment quoted it, where monitoring converted it; else the value
     * @param referenceRange the laboratory's range, in {@code reportedUnit}
     * @param comparator for a censored result ({@code <}): the value is the bound
     * @param graded whether an assessment used it
     */
    record Point(
            UUID observationId,
            Instant observedAt,
            BigDecimal value,
            String unit,
            @Nullable BigDecimal reportedValue,
            @Nullable String reportedUnit,
            @Nullable ReferenceRange referenceRange,
            String sourceMessageId,
            @Nullable String comparator,
            boolean graded) {}

    record GradeTrack(Criterion criterion, String criterionId, List<GradeAt> grades) {}

    record GradeAt(Instant assessedAt, int grade) {}

    record TherapyMarker(Therapy therapy, Instant startedAt) {}

    /**
     * @param label what the chart writes beside the line, e.g. {@code CAR-T infusion · day 0}, {@code C1 D8}
     * @param dayZero day 0 of a CAR-T infusion, or the first dose of another therapy's episode (T0)
     */
    record TherapyEvent(
            UUID eventId, Therapy therapy, TherapyEventType type, Instant occurredAt, String label, boolean dayZero) {}

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

    /** The timeline from the assessments alone (no observation log), in UTC. */
    static PatientTimelineView of(String patientId, List<ToxicityAssessed> assessments) {
        return of(patientId, assessments, PatientObservations.NONE, ZoneId.of("UTC"));
    }

    static PatientTimelineView of(
            String patientId, List<ToxicityAssessed> assessments, PatientObservations logged, ZoneId zone) {
        var ordered = assessments.stream()
                .sorted(Comparator.comparing(ToxicityAssessed::assessedAt))
                .toList();
        var withdrawn = new HashSet<>(logged.withdrawn());
        ordered.forEach(a -> withdrawn.addAll(a.withdrawnEvidence()));
        var panels = new ArrayList<Panel>();
        for (TimelinePanel panel : TimelinePanel.values()) {
            panels.add(panel(panel, ordered, logged, withdrawn));
        }
        var dayZeros = new HashSet<>(logged.dayZeros());
        var events = logged.therapy().stream()
                .map(m -> new TherapyEvent(
                        m.eventId(),
                        m.therapy(),
                        m.type(),
                        m.occurredAt(),
                        label(m, dayZeros.contains(m)),
                        dayZeros.contains(m)))
                .toList();
        var markers = ordered.stream()
                .map(ToxicityAssessed::therapyContext)
                .filter(Objects::nonNull)
                .map(context -> new TherapyMarker(context.therapy(), context.startedAt()))
                .distinct()
                .filter(marker -> events.stream().noneMatch(e -> e.therapy() == marker.therapy()))
                .toList();
        var timeAxis = timeAxis(panels, events, markers, zone);
        var dayZero = events.stream().filter(TherapyEvent::dayZero).reduce((first, second) -> second);
        if (timeAxis != null && dayZero.isPresent()) {
            timeAxis = timeAxis.countingFrom(dayZero.get().occurredAt());
        }
        return new PatientTimelineView(
                patientId,
                zone.getId(),
                timeAxis,
                panels,
                events,
                markers,
                ordered.stream().map(Entry::of).toList());
    }

    private static Panel panel(
            TimelinePanel panel, List<ToxicityAssessed> ordered, PatientObservations logged, Set<UUID> withdrawn) {
        var series = panel.series().stream()
                .map(analyte -> series(analyte, ordered, logged, withdrawn))
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
        String unit = panel.series().getFirst().canonicalUnit();
        return new Panel(panel.name(), panel.title(), unit, valueAxis(panel, series), series, grades);
    }

    private static Series series(
            ChartedAnalyte analyte, List<ToxicityAssessed> ordered, PatientObservations logged, Set<UUID> withdrawn) {
        var graded = new HashSet<UUID>();
        Map<UUID, Point> byObservation = new LinkedHashMap<>();
        for (ToxicityAssessed assessment : ordered) {
            for (Evidence evidence : assessment.evidence()) {
                if (!analyte.codes().contains(evidence.code()) || withdrawn.contains(evidence.eventId())) {
                    continue;
                }
                graded.add(evidence.eventId());
                BigDecimal charted = evidence.canonicalValue() != null ? evidence.canonicalValue() : evidence.value();
                String unit = evidence.canonicalValue() != null ? evidence.canonicalUnit() : evidence.unit();
                if (charted == null || !analyte.canonicalUnit().equals(unit)) {
                    continue;
                }
                byObservation.putIfAbsent(
                        evidence.eventId(),
                        new Point(
                                evidence.eventId(),
                                evidence.observedAt(),
                                charted,
                                analyte.canonicalUnit(),
                                evidence.value(),
                                evidence.unit(),
                                evidence.referenceRange(),
                                evidence.sourceMessageId(),
                                null,
                                true));
            }
        }
        for (ChartedObservation observation : logged.observations()) {
            if (observation.analyte() == analyte && observation.value() != null) {
                var comparator = observation.comparator();
                // The log's entry wins: it carries the comparator of a censored result, which evidence does not.
                byObservation.put(
                        observation.eventId(),
                        new Point(
                                observation.eventId(),
                                observation.observedAt(),
                                observation.value(),
                                observation.unit(),
                                observation.value(),
                                observation.unit(),
                                observation.referenceRange(),
                                observation.sourceMessageId(),
                                comparator == null ? null : comparator.symbol(),
                                graded.contains(observation.eventId())));
            }
        }
        var points = byObservation.values().stream()
                .sorted(Comparator.comparing(Point::observedAt))
                .toList();
        UUID nadir = analyte.nadir()
                ? points.stream()
                        .min(Comparator.comparing(Point::value))
                        .map(Point::observationId)
                        .orElse(null)
                : null;
        return new Series(analyte.display(), points, nadir);
    }

    /** Around every value and, from the newest result that has one, the reference limit the eye compares with. */
    private static @Nullable ValueScale valueAxis(TimelinePanel panel, List<Series> series) {
        var values = new ArrayList<BigDecimal>();
        series.forEach(s -> s.points().forEach(p -> values.add(p.value())));
        if (values.isEmpty()) {
            return null;
        }
        boolean nadir = panel.series().getFirst().nadir();
        series.stream()
                .flatMap(s -> s.points().stream())
                .filter(p -> p.referenceRange() != null && p.unit().equals(p.reportedUnit()))
                .max(Comparator.comparing(Point::observedAt))
                .map(p -> nadir ? p.referenceRange().low() : p.referenceRange().high())
                .ifPresent(values::add);
        return ValueScale.around(
                values.stream().min(Comparator.naturalOrder()).orElseThrow(),
                values.stream().max(Comparator.naturalOrder()).orElseThrow(),
                VALUE_TICKS);
    }

    private static @Nullable TimeScale timeAxis(
            List<Panel> panels, List<TherapyEvent> events, List<TherapyMarker> markers, ZoneId zone) {
        var times = Stream.of(
                        panels.stream()
                                .flatMap(p -> p.series().stream())
                                .flatMap(s -> s.points().stream())
                                .map(Point::observedAt),
                        panels.stream()
                                .flatMap(p -> p.grades().stream())
                                .flatMap(t -> t.grades().stream())
                                .map(GradeAt::assessedAt),
                        events.stream().map(TherapyEvent::occurredAt),
                        markers.stream().map(TherapyMarker::startedAt))
                .flatMap(s -> s)
                .toList();
        if (times.isEmpty()) {
            return null;
        }
        Instant from = times.stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant to = times.stream().max(Comparator.naturalOrder()).orElseThrow();
        Duration pad = Duration.between(from, to).dividedBy(25);
        if (pad.compareTo(Duration.ofHours(1)) < 0) {
            pad = Duration.ofHours(1);
        }
        return TimeScale.of(from.minus(pad), to.plus(pad), zone, TIME_TICKS);
    }

    private static String label(TherapyMilestone m, boolean dayZero) {
        String therapy = switch (m.therapy()) {
            case CAR_T -> "CAR-T";
            case BLINATUMOMAB -> "Blinatumomab";
            case INOTUZUMAB_OZOGAMICIN -> "Inotuzumab";
        };
        String cycle = m.cycle() == null ? "" : " C" + m.cycle() + (m.cycleDay() == null ? "" : " D" + m.cycleDay());
        return switch (m.type()) {
            case CAR_T_INFUSED -> "CAR-T infusion · day 0";
            case ENROLLED -> therapy + " enrolment";
            case INFUSION_STOPPED -> therapy + " infusion stopped";
            case DOSE_ADMINISTERED, INFUSION_STARTED ->
                dayZero
                        ? therapy + cycle + " · T0"
                        : (m.type() == TherapyEventType.INFUSION_STARTED ? therapy + " infusion" : therapy + " dose")
                                + cycle;
            case SUPPORTIVE_DRUG_GIVEN -> therapy;
        };
    }
}
