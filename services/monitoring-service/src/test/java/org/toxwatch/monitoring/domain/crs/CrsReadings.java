package org.toxwatch.monitoring.domain.crs;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.monitoring.domain.Observation;

/** Test inputs for CRS grading around a fixed clinical time. */
final class CrsReadings {

    static final Instant ASSESSED_AT = Instant.parse("2025-03-01T20:00:00Z");

    private CrsReadings() {}

    static Observation aTemperature(String celsius, int hoursBeforeAssessment) {
        return new Observation(
                UUID.randomUUID(),
                "8310-5",
                "Body temperature",
                new BigDecimal(celsius),
                "Cel",
                new BigDecimal(celsius),
                "Cel",
                null,
                ASSESSED_AT.minus(Duration.ofHours(hoursBeforeAssessment)),
                "msg-" + UUID.randomUUID());
    }

    static Evidence aVasopressorStart() {
        return new Evidence(
                UUID.randomUUID(),
                "norepinephrine",
                "Norepinephrine infusion started",
                null,
                null,
                null,
                null,
                null,
                ASSESSED_AT.minus(Duration.ofHours(2)),
                "msg-" + UUID.randomUUID());
    }

    /** A patient with this highest temperature and nothing else: no masking, no hypotension, no oxygen. */
    static CrsInputs aFeverOf(String celsius) {
        return new CrsInputs(
                ASSESSED_AT,
                List.of(aTemperature(celsius, 1)),
                false,
                false,
                0,
                false,
                OxygenDevice.NONE,
                null,
                List.of());
    }

    static CrsInputs withHypotension(CrsInputs inputs, boolean hypotension, int vasopressorCount, boolean vasopressin) {
        return new CrsInputs(
                inputs.assessedAt(),
                inputs.temperaturesInWindow(),
                inputs.feverMasked(),
                hypotension,
                vasopressorCount,
                vasopressin,
                inputs.oxygenDevice(),
                inputs.oxygenFlowLitresPerMinute(),
                inputs.supportEvidence());
    }

    static CrsInputs withOxygen(CrsInputs inputs, OxygenDevice device, @Nullable BigDecimal flowLitresPerMinute) {
        return new CrsInputs(
                inputs.assessedAt(),
                inputs.temperaturesInWindow(),
                inputs.feverMasked(),
                inputs.hypotension(),
                inputs.vasopressorCount(),
                inputs.vasopressin(),
                device,
                flowLitresPerMinute,
                inputs.supportEvidence());
    }

    static CrsInputs masked(CrsInputs inputs) {
        return new CrsInputs(
                inputs.assessedAt(),
                inputs.temperaturesInWindow(),
                true,
                inputs.hypotension(),
                inputs.vasopressorCount(),
                inputs.vasopressin(),
                inputs.oxygenDevice(),
                inputs.oxygenFlowLitresPerMinute(),
                inputs.supportEvidence());
    }

    static CrsInputs withTemperatures(CrsInputs inputs, List<Observation> temperatures) {
        return new CrsInputs(
                inputs.assessedAt(),
                temperatures,
                inputs.feverMasked(),
                inputs.hypotension(),
                inputs.vasopressorCount(),
                inputs.vasopressin(),
                inputs.oxygenDevice(),
                inputs.oxygenFlowLitresPerMinute(),
                inputs.supportEvidence());
    }

    static CrsInputs withSupportEvidence(CrsInputs inputs, List<Evidence> supportEvidence) {
        return new CrsInputs(
                inputs.assessedAt(),
                inputs.temperaturesInWindow(),
                inputs.feverMasked(),
                inputs.hypotension(),
                inputs.vasopressorCount(),
                inputs.vasopressin(),
                inputs.oxygenDevice(),
                inputs.oxygenFlowLitresPerMinute(),
                supportEvidence);
    }
}
