package org.toxwatch.alerting.console.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.toxwatch.alerting.console.domain.TimeScale;
import org.toxwatch.alerting.patient.domain.timeline.ChartedAnalyte;
import org.toxwatch.alerting.patient.domain.timeline.ChartedObservation;
import org.toxwatch.alerting.patient.domain.timeline.PatientObservations;
import org.toxwatch.alerting.patient.domain.timeline.TherapyMilestone;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyContext;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.ToxicityAssessed;

class PatientTimelineViewTest {

    private static final Instant T0 = Instant.parse("2026-11-12T08:00:00Z");
    private static final TherapyContext INOTUZUMAB = new TherapyContext(Therapy.INOTUZUMAB_OZOGAMICIN, T0, 8, null);

    @Test
    void chartsEachObservationOnceInTheCanonicalUnitWithTheGradesMonitoringPublished() {
        var anc = observation("751-8", "0.4", "10*9/L", "0.4", "2026-11-20T08:00:00Z", "lab-1");
        var fever = observation("8310-5", "101.3", "[degF]", "38.5", "2026-11-20T09:00:00Z", "vitals-1");
        var neutropenia = assessment(Criterion.NEUTROPHIL_COUNT_DECREASED, 4, "2026-11-20T08:00:00Z", anc);
        var febrileNeutropenia = assessment(Criterion.FEBRILE_NEUTROPENIA, 3, "2026-11-20T09:00:00Z", anc, fever);

        var view = PatientTimelineView.of("MRN-1", List.of(febrileNeutropenia, neutropenia));

        var ancPanel = panel(view, TimelinePanel.ANC);
        assertThat(ancPanel.series().getFirst().points()).singleElement().satisfies(point -> {
            assertThat(point.value()).isEqualByComparingTo("0.4");
            assertThat(point.sourceMessageId()).isEqualTo("lab-1");
        });
        assertThat(ancPanel.grades())
                .extracting(
                        PatientTimelineView.GradeTrack::criterion,
                        track -> track.grades().size())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Criterion.NEUTROPHIL_COUNT_DECREASED, 1),
                        org.assertj.core.groups.Tuple.tuple(Criterion.FEBRILE_NEUTROPENIA, 1));
        var temperature = panel(view, TimelinePanel.TEMPERATURE)
                .series()
                .getFirst()
                .points()
                .getFirst();
        assertThat(temperature.value()).isEqualByComparingTo("38.5");
        assertThat(temperature.unit()).isEqualTo("Cel");
        assertThat(temperature.reportedValue()).isEqualByComparingTo("101.3");
        assertThat(panel(view, TimelinePanel.PLATELETS).series().getFirst().points())
                .isEmpty();
    }

    @Test
    void listsAssessmentsOldestFirstAndMarksEachTherapyStartOnce() {
        var first = assessment(
                Criterion.NEUTROPHIL_COUNT_DECREASED,
                3,
                "2026-11-19T08:00:00Z",
                observation("751-8", "0.8", "10*9/L", null, "2026-11-19T08:00:00Z", "lab-0"));
        var second = assessment(
                Criterion.NEUTROPHIL_COUNT_DECREASED,
                4,
                "2026-11-20T08:00:00Z",
                observation("751-8", "0.4", "10*9/L", null, "2026-11-20T08:00:00Z", "lab-1"));

        var view = PatientTimelineView.of("MRN-1", List.of(second, first));

        assertThat(view.assessments())
                .extracting(PatientTimelineView.Entry::grade)
                .containsExactly(3, 4);
        assertThat(view.therapyMarkers())
                .containsExactly(new PatientTimelineView.TherapyMarker(Therapy.INOTUZUMAB_OZOGAMICIN, T0));
        assertThat(panel(view, TimelinePanel.ANC).series().getFirst().points())
                .extracting(PatientTimelineView.Point::value)
                .containsExactly(new BigDecimal("0.8"), new BigDecimal("0.4"));
    }

    @Test
    void chartsEveryObservationReceivedAndMarksTheNadirThoughNoGradeChangedWithIt() {
        var graded = observation("751-8", "0.31", "10*9/L", null, "2026-12-02T06:00:00Z", "lab-1");
        var neutropenia = assessment(Criterion.NEUTROPHIL_COUNT_DECREASED, 4, "2026-12-02T06:00:00Z", graded);
        var gradedAgain = logged(graded.eventId(), "0.31", "2026-12-02T06:00:00Z");
        var nadir = logged(UUID.randomUUID(), "0.08", "2026-12-03T06:00:00Z");
        var recovering = logged(UUID.randomUUID(), "0.6", "2026-12-05T06:00:00Z");
        var logged = PatientObservations.of(List.of(recovering, nadir, gradedAgain), List.of());

        var view = PatientTimelineView.of("MRN-1", List.of(neutropenia), logged, ZoneId.of("Europe/Berlin"));

        var anc = panel(view, TimelinePanel.ANC);
        var series = anc.series().getFirst();
        assertThat(series.points())
                .extracting(p -> p.value().toPlainString(), PatientTimelineView.Point::graded)
                .containsExactly(tuple("0.31", true), tuple("0.08", false), tuple("0.6", false));
        assertThat(series.nadir()).isEqualTo(nadir.eventId());
        assertThat(anc.unit()).isEqualTo("10*9/L");
        assertThat(anc.valueAxis().ticks())
                .as("the lower reference limit 1.8 stays in view")
                .extracting(BigDecimal::toPlainString)
                .containsExactly("0", "0.5", "1", "1.5", "2");
        assertThat(view.hospitalZone()).isEqualTo("Europe/Berlin");
        assertThat(view.timeAxis().ticks())
                .as("weekly from the inotuzumab episode start the assessment names (12 Nov) to the last value")
                .extracting(TimeScale.Tick::label)
                .containsExactly("12 Nov", "19 Nov", "26 Nov", "3 Dec");
    }

    @Test
    void aResultACorrectionWithdrewIsNotChartedEvenWhereAnAssessmentQuotesIt() {
        var original = observation("751-8", "0.8", "10*9/L", null, "2026-12-02T06:00:00Z", "lab-1");
        var assessed = assessment(Criterion.NEUTROPHIL_COUNT_DECREASED, 3, "2026-12-02T06:00:00Z", original);
        var logged = PatientObservations.of(List.of(), List.of());
        var withdrawn = new PatientObservations(logged.observations(), logged.therapy(), Set.of(original.eventId()));

        var view = PatientTimelineView.of("MRN-1", List.of(assessed), withdrawn, ZoneId.of("UTC"));

        assertThat(panel(view, TimelinePanel.ANC).series().getFirst().points()).isEmpty();
    }

    @Test
    void aCarTInfusionIsDayZeroAndTheEnrolmentIsMarkedAsSuchInsteadOfTheAssessmentsEpisodeStart() {
        var enrolled = milestone(TherapyEventType.ENROLLED, Therapy.CAR_T, "2026-11-25T08:00:00Z", null, null);
        var infused = milestone(TherapyEventType.CAR_T_INFUSED, Therapy.CAR_T, "2026-11-30T10:30:00Z", null, null);
        var logged = PatientObservations.of(List.of(), List.of(infused, enrolled));
        var duringCarT = withContext(
                assessment(
                        Criterion.NEUTROPHIL_COUNT_DECREASED,
                        4,
                        "2026-12-02T06:00:00Z",
                        observation("751-8", "0.3", "10*9/L", null, "2026-12-02T06:00:00Z", "lab-1")),
                new TherapyContext(Therapy.CAR_T, enrolled.occurredAt(), 7, 2));

        var view = PatientTimelineView.of("MRN-1", List.of(duringCarT), logged, ZoneId.of("UTC"));

        assertThat(view.therapyEvents())
                .extracting(
                        PatientTimelineView.TherapyEvent::occurredAt,
                        PatientTimelineView.TherapyEvent::label,
                        PatientTimelineView.TherapyEvent::dayZero)
                .containsExactly(
                        tuple(enrolled.occurredAt(), "CAR-T enrolment", false),
                        tuple(infused.occurredAt(), "CAR-T infusion · day 0", true));
        assertThat(view.therapyMarkers())
                .as("the episode start the assessments name is the enrolment")
                .isEmpty();
        assertThat(view.timeAxis().ticks())
                .extracting(TimeScale.Tick::therapyDay)
                .as("dates counted from the infusion")
                .contains("day -4", "day 0", "day +2");
    }

    @Test
    void everyDoseIsLabelledWithItsCycleAndDayAndTheFirstIsT0() {
        var day1 = milestone(
                TherapyEventType.DOSE_ADMINISTERED, Therapy.INOTUZUMAB_OZOGAMICIN, "2026-11-02T09:00:00Z", 1, 1);
        var day8 = milestone(
                TherapyEventType.DOSE_ADMINISTERED, Therapy.INOTUZUMAB_OZOGAMICIN, "2026-11-09T09:00:00Z", 1, 8);

        var view = PatientTimelineView.of(
                "MRN-1", List.of(), PatientObservations.of(List.of(), List.of(day8, day1)), ZoneId.of("UTC"));

        assertThat(view.therapyEvents())
                .extracting(PatientTimelineView.TherapyEvent::label)
                .containsExactly("Inotuzumab C1 D1 · T0", "Inotuzumab dose C1 D8");
    }

    private static ChartedObservation logged(UUID eventId, String value, String at) {
        return new ChartedObservation(
                eventId,
                "MRN-1",
                ChartedAnalyte.ANC,
                "751-8",
                new BigDecimal(value),
                "10*9/L",
                null,
                new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                Instant.parse(at),
                Instant.parse(at).plusSeconds(3600),
                "lab-" + value,
                null,
                ResultStatus.FINAL);
    }

    private static TherapyMilestone milestone(
            TherapyEventType type, Therapy therapy, String at, @Nullable Integer cycle, @Nullable Integer day) {
        return new TherapyMilestone(UUID.randomUUID(), "MRN-1", Instant.parse(at), type, therapy, null, cycle, day);
    }

    private static ToxicityAssessed withContext(ToxicityAssessed a, TherapyContext context) {
        return new ToxicityAssessed(
                a.eventId(),
                a.patientId(),
                a.assessedAt(),
                a.producedAt(),
                a.criterion(),
                a.criterionId(),
                a.grade(),
                a.notAssessableReason(),
                a.previousGrade(),
                a.summary(),
                a.thresholds(),
                a.evidence(),
                a.labOnlyGrading(),
                a.referenceRangeSource(),
                context,
                a.catalogueVersion(),
                a.sourceSystem(),
                a.sourceMessageId());
    }

    private static PatientTimelineView.Panel panel(PatientTimelineView view, TimelinePanel panel) {
        return view.panels().stream()
                .filter(p -> p.key().equals(panel.name()))
                .findFirst()
                .orElseThrow();
    }

    private static Evidence observation(
            String code, String value, String unit, @Nullable String canonical, String at, String source) {
        boolean converted = canonical != null && !canonical.equals(value);
        return new Evidence(
                UUID.randomUUID(),
                code,
                code,
                new BigDecimal(value),
                unit,
                canonical == null ? null : new BigDecimal(canonical),
                canonical == null ? null : converted ? "Cel" : unit,
                new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                Instant.parse(at),
                source);
    }

    private static ToxicityAssessed assessment(Criterion criterion, int grade, String at, Evidence... evidence) {
        return new ToxicityAssessed(
                UUID.randomUUID(),
                "MRN-1",
                Instant.parse(at),
                Instant.parse(at).plusSeconds(1),
                criterion,
                criterion.id(),
                grade,
                null,
                null,
                "test assessment",
                List.of(new AppliedThreshold(grade, "test condition", true)),
                List.of(evidence),
                false,
                ReferenceRangeSource.REPORTED,
                INOTUZUMAB,
                "test-catalogue",
                "monitoring",
                "lab-1");
    }
}
