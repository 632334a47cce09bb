package org.toxwatch.monitoring.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.lab.LabReading;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/** Intention-revealing factories for the events of one test patient. */
public final class PatientEvents {

    public static final String PATIENT = "p-1";

    /** A Monday morning, the reference time of most tests. */
    public static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private PatientEvents() {}

    /** The state of {@link #PATIENT} after {@code events}: lab results, vital signs, therapy events, neurological assessments. */
    public static PatientState fold(Object... events) {
        var state = PatientState.empty(PATIENT);
        for (var event : events) {
            state = switch (event) {
                case LabResultRecorded lab -> state.apply(lab);
                case VitalSignsRecorded vitals -> state.apply(vitals);
                case TherapyEventRecorded therapy -> state.apply(therapy);
                case NeurologicAssessmentRecorded neuro -> state.apply(neuro);
                default -> throw new IllegalArgumentException(event.toString());
            };
        }
        return state;
    }

    public static Instant hoursAfter(long hours) {
        return NOW.plus(Duration.ofHours(hours));
    }

    public static Instant daysAfter(long days) {
        return NOW.plus(Duration.ofDays(days));
    }

    public static Instant daysBefore(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /** A final result of {@code analyte} under its first LOINC code, at {@link #NOW}, in its canonical unit. */
    public static Lab aLab(Analyte analyte) {
        return new Lab(analyte.loincCodes().getFirst()).unit(analyte.canonicalUnit());
    }

    public static Lab aLab(String loinc) {
        return new Lab(loinc);
    }

    /** A readable result, for rule tables: value and unit as reported, range absent when both limits are. */
    public static LabResult result(
            Analyte analyte, String value, String unit, @Nullable String low, @Nullable String high) {
        return aLab(analyte).value(value).unit(unit).range(low, high).read();
    }

    public static Vitals vitalsAt(Instant at) {
        return new Vitals(at);
    }

    public static TherapyEventRecorded enrolled(Therapy therapy, Instant at) {
        return therapyEvent(TherapyEventType.ENROLLED, therapy, at, null, null, null);
    }

    public static TherapyEventRecorded dose(Therapy therapy, Instant at, int cycle, int cycleDay) {
        return therapyEvent(TherapyEventType.DOSE_ADMINISTERED, therapy, at, cycle, cycleDay, null);
    }

    public static TherapyEventRecorded infusionStarted(Instant at) {
        return therapyEvent(TherapyEventType.INFUSION_STARTED, Therapy.BLINATUMOMAB, at, null, null, null);
    }

    public static TherapyEventRecorded infusionStopped(Instant at) {
        return therapyEvent(TherapyEventType.INFUSION_STOPPED, Therapy.BLINATUMOMAB, at, null, null, null);
    }

    public static TherapyEventRecorded carTInfused(Instant at) {
        return therapyEvent(TherapyEventType.CAR_T_INFUSED, Therapy.CAR_T, at, null, null, null);
    }

    public static TherapyEventRecorded drugGiven(SupportiveDrug drug, Instant at) {
        return therapyEvent(TherapyEventType.SUPPORTIVE_DRUG_GIVEN, null, at, null, null, drug);
    }

    public static TherapyEventRecorded vasopressorsRunning(Instant at, int count, boolean vasopressin) {
        return new TherapyEventRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at,
                "test",
                "msg-" + UUID.randomUUID(),
                TherapyEventType.SUPPORTIVE_DRUG_GIVEN,
                null,
                null,
                null,
                null,
                null,
                null,
                SupportiveDrug.VASOPRESSOR,
                count,
                vasopressin);
    }

    /** A final neurological assessment with no seizure, motor or ICP finding. */
    public static NeurologicAssessmentRecorded neuroAssessment(
            Instant at, @Nullable Integer iceScore, LevelOfConsciousness consciousness) {
        return neuroAssessment(at, iceScore, consciousness, SeizureFinding.NONE, ResultStatus.FINAL);
    }

    public static NeurologicAssessmentRecorded neuroAssessment(
            Instant at,
            @Nullable Integer iceScore,
            LevelOfConsciousness consciousness,
            SeizureFinding seizure,
            ResultStatus status) {
        var eventId = UUID.randomUUID();
        return new NeurologicAssessmentRecorded(
                eventId,
                PATIENT,
                at,
                at.plus(Duration.ofMinutes(5)),
                "test-charting",
                "msg-" + eventId,
                iceScore,
                null,
                consciousness,
                seizure,
                MotorFinding.NONE,
                IntracranialPressureFinding.NONE,
                status);
    }

    private static TherapyEventRecorded therapyEvent(
            TherapyEventType type,
            @Nullable Therapy therapy,
            Instant at,
            @Nullable Integer cycle,
            @Nullable Integer cycleDay,
            @Nullable SupportiveDrug drug) {
        return new TherapyEventRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at,
                "test",
                "msg-" + UUID.randomUUID(),
                type,
                therapy,
                therapy == Therapy.CAR_T ? "KYMRIAH" : null,
                cycle,
                cycleDay,
                null,
                null,
                drug,
                null,
                null);
    }

    /** A laboratory result under construction. */
    public static final class Lab {
        private UUID eventId = UUID.randomUUID();
        private final String loinc;
        private Instant observedAt = NOW;
        private @Nullable Instant receivedAt;
        private @Nullable String sourceObservationId;
        private @Nullable BigDecimal value = new BigDecimal("1");
        private @Nullable String unit;
        private @Nullable ReferenceRange range;
        private ResultStatus status = ResultStatus.FINAL;

        private Lab(String loinc) {
            this.loinc = loinc;
        }

        public Lab value(@Nullable String value) {
            this.value = value == null ? null : new BigDecimal(value);
            return this;
        }

        public Lab unit(@Nullable String unit) {
            this.unit = unit;
            return this;
        }

        public Lab range(@Nullable String low, @Nullable String high) {
            this.range = low == null && high == null
                    ? null
                    : new ReferenceRange(
                            low == null ? null : new BigDecimal(low), high == null ? null : new BigDecimal(high));
            return this;
        }

        public Lab at(Instant observedAt) {
            this.observedAt = observedAt;
            return this;
        }

        public Lab receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Lab sourceObservationId(@Nullable String id) {
            this.sourceObservationId = id;
            return this;
        }

        public Lab status(ResultStatus status) {
            this.status = status;
            if (status == ResultStatus.CANCELLED) {
                this.value = null;
                this.unit = null;
            }
            return this;
        }

        public Lab eventId(UUID eventId) {
            this.eventId = eventId;
            return this;
        }

        public LabResultRecorded build() {
            return new LabResultRecorded(
                    eventId,
                    PATIENT,
                    observedAt,
                    receivedAt == null ? observedAt.plus(Duration.ofMinutes(30)) : receivedAt,
                    "test-lis",
                    "msg-" + eventId,
                    sourceObservationId,
                    loinc,
                    value,
                    unit,
                    range,
                    status);
        }

        public LabResult read() {
            return switch (LabResult.read(build())) {
                case LabReading.Readable readable -> readable.result();
                case LabReading.Unreadable unreadable -> throw new AssertionError(unreadable.reason());
            };
        }
    }

    /** A vital-signs set under construction. */
    public static final class Vitals {
        private final Instant observedAt;
        private @Nullable BigDecimal temperature;
        private @Nullable BigDecimal systolic;
        private @Nullable BigDecimal meanArterial;
        private @Nullable OxygenDevice device;
        private @Nullable BigDecimal flow;
        private @Nullable BigDecimal weight;
        private ResultStatus status = ResultStatus.FINAL;

        private Vitals(Instant observedAt) {
            this.observedAt = observedAt;
        }

        public Vitals temperature(String celsius) {
            this.temperature = new BigDecimal(celsius);
            return this;
        }

        public Vitals systolic(String mmHg) {
            this.systolic = new BigDecimal(mmHg);
            return this;
        }

        public Vitals meanArterial(String mmHg) {
            this.meanArterial = new BigDecimal(mmHg);
            return this;
        }

        public Vitals oxygen(OxygenDevice device, @Nullable String litresPerMinute) {
            this.device = device;
            this.flow = litresPerMinute == null ? null : new BigDecimal(litresPerMinute);
            return this;
        }

        public Vitals weight(String kg) {
            this.weight = new BigDecimal(kg);
            return this;
        }

        public Vitals status(ResultStatus status) {
            this.status = status;
            return this;
        }

        public VitalSignsRecorded build() {
            var eventId = UUID.randomUUID();
            return new VitalSignsRecorded(
                    eventId,
                    PATIENT,
                    observedAt,
                    observedAt.plus(Duration.ofMinutes(1)),
                    "test-monitor",
                    "msg-" + eventId,
                    temperature,
                    null,
                    systolic,
                    null,
                    meanArterial,
                    null,
                    null,
                    device,
                    flow,
                    weight,
                    status);
        }
    }
}
