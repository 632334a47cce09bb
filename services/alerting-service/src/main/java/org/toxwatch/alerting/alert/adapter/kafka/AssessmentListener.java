package org.toxwatch.alerting.alert.adapter.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.alerting.alert.application.RaiseAlerts;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;

/**
 * Reads assessments a poll at a time: hands them to the use case, then keeps them for the patient timeline in one
 * write, so an assessment is in the timeline only once every alert change it made is saved, audited and published.
 * Both steps are idempotent by event id, so a redelivery is harmless.
 *
 * <p>A record that cannot be read or handled fails alone: the records before it take full effect, and the error
 * handler is told its position ({@link BatchListenerFailedException}), so it retries that record and dead-letters
 * it as a record listener would, and the records after it are read again.
 */
public final class AssessmentListener {

    public static final String GROUP = "alerting.assessment-reader";

    private static final LogAccessor LOG = new LogAccessor(AssessmentListener.class);

    private final AssessmentHistory history;
    private final RaiseAlerts raiseAlerts;

    public AssessmentListener(AssessmentHistory history, RaiseAlerts raiseAlerts) {
        this.history = history;
        this.raiseAlerts = raiseAlerts;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.ASSESSMENTS, batch = "true")
    public void on(List<ConsumerRecord<String, ToxicityAssessed>> records) {
        var assessments = new ArrayList<ToxicityAssessed>(records.size());
        for (var record : records) {
            if (record.value() == null) {
                takeEffect(assessments);
                throw new BatchListenerFailedException("assessment unreadable", unreadable(record), assessments.size());
            }
            assessments.add(record.value());
        }
        takeEffect(assessments);
    }

    private void takeEffect(List<ToxicityAssessed> assessments) {
        try {
            raiseAlerts.onAll(assessments);
        } catch (RaiseAlerts.Failed e) {
            // The one that failed is kept for the timeline as well, as it was before its alert was tried.
            keep(assessments.subList(0, e.index() + 1));
            throw new BatchListenerFailedException("assessment failed", e.getCause(), e.index());
        }
        keep(assessments);
    }

    private void keep(List<ToxicityAssessed> assessments) {
        try {
            history.recordAll(assessments);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("timeline not written", e, 0);
        }
    }

    private static RuntimeException unreadable(ConsumerRecord<?, ?> record) {
        DeserializationException cause = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        return cause != null ? cause : new IllegalArgumentException("an assessment record without a value");
    }
}
