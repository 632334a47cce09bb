package org.toxwatch.benchmark.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Hl7CourseTest {

    private final Hl7Course course = new Hl7Course("run1", 3);
    private final Instant now = Instant.parse("2026-12-05T18:00:00Z");

    @Test
    void theFirstPassMeetsEveryPatientOnceAndLaterPassesRepeatThem() {
        assertThat(java.util.stream.LongStream.range(0, 6).mapToObj(course::patient))
                .containsExactly("E2E-run1-0", "E2E-run1-1", "E2E-run1-2", "E2E-run1-0", "E2E-run1-1", "E2E-run1-2");
    }

    @Test
    void eachMessageIsAnOruR01WithItsOwnControlIdAndTheAbnormalResultsThatRaiseAlerts() throws Exception {
        try (var context = new DefaultHapiContext()) {
            var message = (ORU_R01) context.getPipeParser().parse(course.message(4, now));

            assertThat(message.getMSH().getMessageControlID().getValue()).isEqualTo("E2E-run1-4");
            assertThat(message.getPATIENT_RESULT()
                            .getPATIENT()
                            .getPID()
                            .getPatientIdentifierList(0)
                            .getIDNumber()
                            .getValue())
                    .isEqualTo("E2E-run1-1");
            var results = message.getPATIENT_RESULT().getORDER_OBSERVATION();
            assertThat(results.getOBSERVATIONReps()).isEqualTo(4);
            assertThat(results.getOBSERVATION(0)
                            .getOBX()
                            .getObservationIdentifier()
                            .getIdentifier()
                            .getValue())
                    .isEqualTo("751-8");
            assertThat(results.getOBSERVATION(0).getOBX().getObservationValue(0).encode())
                    .isEqualTo("0.4");
            assertThat(results.getOBSERVATION(0)
                            .getOBX()
                            .getDateTimeOfTheObservation()
                            .encode())
                    .isEqualTo("20261205175500+0000");
        }
    }
}
