package org.toxwatch.alerting.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyContext;
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
