package org.toxwatch.alerting.console.adapter.live;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.toxwatch.alerting.patient.application.PatientChanges;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.Topics;

/**
 * Pushes every alert transition to the connected consoles as a server-sent event named after the transition.
 * It reads the alert-event topic rather than listening in-process, so each instance's consoles see the
 * transitions made on every instance; a console that reconnects reloads the queue and then follows live.
 *
 * <p>A change to what is known about a patient (a transfer, a corrected name) is pushed as a {@value #PATIENT}
 * event carrying the patient id only, by the instance that stored it: consoles showing the patient read it again.
 * Consoles on other instances see it at their next reload (on any alert transition, or the queue's periodic one).
 */
public final class LiveAlertFeed implements PatientChanges {

    /** The event name of a patient change. */
    public static final String PATIENT = "PATIENT";

    /** Each instance reads every transition: a group of its own, from the newest record on. */
    static final String GROUP = "alerting.live-feed-#{T(java.util.UUID).randomUUID()}";

    private static final Duration CONNECTION_LIFETIME = Duration.ofMinutes(30);

    private final CopyOnWriteArrayList<SseEmitter> consoles = new CopyOnWriteArrayList<>();

    /**
     * A new console connection. It is greeted at once with a comment: the response (and its headers) is sent
     * only with the first event, and a console should know it is live before the first alert arrives.
     */
    public SseEmitter connect() {
        var emitter = new SseEmitter(CONNECTION_LIFETIME.toMillis());
        emitter.onCompletion(() -> consoles.remove(emitter));
        emitter.onTimeout(() -> consoles.remove(emitter));
        emitter.onError(error -> consoles.remove(emitter));
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        consoles.add(emitter);
        return emitter;
    }

    @KafkaListener(
            topics = Topics.ALERT_EVENTS,
            groupId = GROUP,
            properties = {"auto.offset.reset=latest", "spring.json.value.default.type=org.toxwatch.model.AlertChanged"})
    public void on(AlertChanged transition) {
        push(() -> SseEmitter.event()
                .id(transition.eventId().toString())
                .name(transition.transition().name())
                .data(transition, MediaType.APPLICATION_JSON));
    }

    @Override
    public void changed(String patientId) {
        push(() -> SseEmitter.event().name(PATIENT).data(new PatientChanged(patientId), MediaType.APPLICATION_JSON));
    }

    record PatientChanged(String patientId) {}

    /** A builder per console: a built event is not sent twice. */
    private void push(Supplier<SseEmitter.SseEventBuilder> event) {
        for (SseEmitter console : consoles) {
            try {
                console.send(event.get());
            } catch (IOException | IllegalStateException e) {
                consoles.remove(console);
            }
        }
    }
}
