package org.toxwatch.alerting.alert.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;

/** The assessments behind the patient timeline, against a real MongoDB-wire server. */
@DataMongoTest
class MongoAssessmentHistoryIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "assessment-history-it");
    }

    @Autowired
    MongoTemplate mongoTemplate;

    @Test
    void aRedeliveredAssessmentIsKeptOnceAndEachPatientSeesOnlyTheirOwn() {
        var history = new MongoAssessmentHistory(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        ToxicityAssessed grade4 = anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4);
        ToxicityAssessed platelets = anAssessment(patient, Criterion.PLATELET_COUNT_DECREASED, 3);

        history.record(grade4);
        history.record(platelets);
        history.record(grade4);
        history.record(anAssessment("MRN-" + UUID.randomUUID(), Criterion.NEUTROPHIL_COUNT_DECREASED, 4));

        assertThat(history.of(patient))
                .extracting(ToxicityAssessed::eventId)
                .containsExactlyInAnyOrder(grade4.eventId(), platelets.eventId());
        assertThat(history.of(patient))
                .filteredOn(a -> a.eventId().equals(grade4.eventId()))
                .singleElement()
                .isEqualTo(grade4);
    }

    @Test
    void aBatchDeliveredAgainWithOneAssessmentMoreKeepsEachOnce() {
        var history = new MongoAssessmentHistory(mongoTemplate);
        String patient = "MRN-" + UUID.randomUUID();
        ToxicityAssessed neutrophils = anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4);
        ToxicityAssessed platelets = anAssessment(patient, Criterion.PLATELET_COUNT_DECREASED, 3);
        ToxicityAssessed anemia = anAssessment(patient, Criterion.ANEMIA, 2);

        history.recordAll(List.of(neutrophils, platelets));
        history.recordAll(List.of(neutrophils, platelets, anemia));

        assertThat(history.of(patient)).containsExactlyInAnyOrder(neutrophils, platelets, anemia);
    }
}
