package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Topics;
import tools.jackson.databind.json.JsonMapper;

/** An unreadable record fails without a word of its content: the failure is logged and dead-lettered whole. */
class MonitoringSerdesTest {

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());

    @Test
    void aValueThatCannotBeReadIsNamedByTypeAndTopicOnlyNeverQuoted() {
        byte[] record = """
                {"eventId":"4c1f7b7e-2f0e-4a53-9d2a-0f1e2d3c4b5a","patientId":"MRN-QUILL-7731",
                 "observedAt":"2026-11-20T08:00:00Z","loinc":"751-8","value":"Quillfeather 987.654"}""".getBytes(StandardCharsets.UTF_8);

        Throwable withHeaders = catchThrowable(
                () -> serdes.labResults().deserializer().deserialize(Topics.LAB_RESULTS, new RecordHeaders(), record));
        Throwable withoutHeaders =
                catchThrowable(() -> serdes.labResults().deserializer().deserialize(Topics.LAB_RESULTS, record));

        for (Throwable failure : new Throwable[] {withHeaders, withoutHeaders}) {
            assertThat(failure)
                    .isInstanceOf(SerializationException.class)
                    .hasNoCause()
                    .hasMessageStartingWith("unreadable LabResultRecorded on " + Topics.LAB_RESULTS);
            assertThat(failure.getMessage()).doesNotContain("Quillfeather", "987.654", "MRN-QUILL-7731");
        }
    }

    @Test
    void aReadableValueIsReadAsBefore() {
        byte[] record = serdes.labResults()
                .serializer()
                .serialize(
                        Topics.LAB_RESULTS,
                        serdes.labResults().deserializer().deserialize(Topics.LAB_RESULTS, """
                                        {"eventId":"4c1f7b7e-2f0e-4a53-9d2a-0f1e2d3c4b5a","patientId":"P-1",
                                         "observedAt":"2026-11-20T08:00:00Z","receivedAt":"2026-11-20T08:01:00Z",
                                         "sourceSystem":"lis","sourceMessageId":"M-1","loinc":"751-8","value":0.4,
                                         "ucumUnit":"10*9/L","status":"FINAL"}""".getBytes(
                                        StandardCharsets.UTF_8)));

        assertThat(serdes.labResults()
                        .deserializer()
                        .deserialize(Topics.LAB_RESULTS, record)
                        .patientId())
                .isEqualTo("P-1");
    }
}
