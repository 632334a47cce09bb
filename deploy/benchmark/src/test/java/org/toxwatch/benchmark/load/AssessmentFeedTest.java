package org.toxwatch.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;

class AssessmentFeedTest {

    @Test
    void aWarmUpBatchTakesTheMeasuredCourseOnPatientsOfItsOwn() {
        var measured = AssessmentFeed.assessment(AssessmentFeed.MEASURED, 1_234, 200);
        var warmUp = AssessmentFeed.assessment("WARM1", 1_234, 200);

        assertThat(measured.patientId()).isEqualTo("LOAD-34");
        assertThat(warmUp.patientId()).isEqualTo("WARM1-34");
        assertThat(warmUp.criterion()).isEqualTo(measured.criterion()).isEqualTo(Criterion.NEUTROPHIL_COUNT_DECREASED);
        assertThat(warmUp.grade()).isEqualTo(measured.grade()).isEqualTo(4);
    }

    @Test
    void theGradeRisesFromTwoToFourAsTheFamiliesComeRound() {
        assertThat(AssessmentFeed.assessment(AssessmentFeed.MEASURED, 0, 200).grade())
                .isEqualTo(2);
        assertThat(AssessmentFeed.assessment(AssessmentFeed.MEASURED, 599, 200).grade())
                .isEqualTo(2);
        assertThat(AssessmentFeed.assessment(AssessmentFeed.MEASURED, 600, 200).grade())
                .isEqualTo(3);
        assertThat(AssessmentFeed.assessment(AssessmentFeed.MEASURED, 1_200, 200)
                        .grade())
                .isEqualTo(4);
    }
}
