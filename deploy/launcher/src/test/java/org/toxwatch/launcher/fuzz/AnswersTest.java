package org.toxwatch.launcher.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswersTest {

    @Test
    void anyHttp5xxBreaksTheNo5xxProperty() {
        assertThat(Answers.httpViolations(EntryPoint.JSON, 503, "")).contains(Answers.NO_5XX);
        assertThat(Answers.httpViolations(EntryPoint.JSON, 202, "{}")).isEmpty();
    }

    @Test
    void aRejectionMustNameTheIdItIsListedUnder() {
        assertThat(Answers.httpViolations(EntryPoint.JSON, 400, "{\"rejectionId\":\"r-1\"}"))
                .isEmpty();
        assertThat(Answers.httpViolations(EntryPoint.JSON, 400, "{\"title\":\"Bad Request\"}"))
                .containsExactly(Answers.REJECTION_LISTED);
        assertThat(Answers.rejectionId(
                        EntryPoint.FHIR,
                        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"details\":{\"coding\":[{\"system\":"
                                + "\"urn:toxwatch:rejection-id\",\"code\":\"r-2\"}]}}]}"))
                .contains("r-2");
    }

    @Test
    void anHl7MessageWithoutAnAckFrameOrWithAnInternalErrorArBreaksItsProperty() {
        assertThat(Answers.mllpViolations(null)).containsExactly(Answers.ACK_FRAME);
        assertThat(Answers.mllpViolations("MSH|^~\\&|TOXWATCH\rMSA|AR|1|not stored: internal error; resend later\r"))
                .containsExactly(Answers.AR_TRANSIENT);
        assertThat(Answers.mllpViolations("MSH|^~\\&|TOXWATCH\rMSA|AR|1|not stored: Kafka unavailable; resend later\r"))
                .isEmpty();
        assertThat(Answers.mllpViolations("MSH\rMSA|AR|1|unsupported\rERR|MSH^1^9|MSH^1^9|200^Unsupported^HL70357|F\r"))
                .isEmpty();
    }

    @Test
    void anAaThatStoredNothingIsOnlyRightWhenEverythingWasSkippedAsNotMonitored() {
        assertThat(Answers.mllpViolations("MSH\rMSA|AA|1|stored: 0 event(s)\r")).containsExactly(Answers.NO_EMPTY_AA);
        assertThat(Answers.mllpViolations("MSH\rMSA|AA|1|stored 0, skipped 2 not monitored\r"))
                .isEmpty();
        assertThat(Answers.mllpViolations("MSH\rMSA|AA|1|stored: 2 event(s)\r")).isEmpty();
    }
}
