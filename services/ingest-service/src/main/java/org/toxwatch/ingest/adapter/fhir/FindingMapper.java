package org.toxwatch.ingest.adapter.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.ClinicalFindingSubmission;
import org.toxwatch.ingest.domain.FindingCodes;

/**
 * Reads a clinician's finding from a FHIR R4 Condition, or from an Observation coded with a finding code, into a
 * {@link ClinicalFindingSubmission}:
 *
 * <ul>
 *   <li>{@code code.coding}: the first coding {@link FindingCodes} knows (SNOMED CT, or
 *       {@code urn:toxwatch:finding|VOD_SOS_DIAGNOSED}); a Condition with no known coding is rejected with the codes
 *       ToxWatch takes, never dropped;
 *   <li>Condition present or withdrawn: {@code verificationStatus} refuted or entered-in-error withdraws it (from
 *       its onset); {@code clinicalStatus} active, recurrence or relapse is present (from {@code onset[x]}, else
 *       {@code recordedDate}); inactive, remission or resolved withdraws it from {@code abatement[x]}. Unconfirmed
 *       and differential diagnoses are refused as not supported: a diagnosis ToxWatch acts on must be at least
 *       provisional;
 *   <li>Observation: {@code effective[x]} is the time, {@code valueBoolean} false (or status cancelled,
 *       entered-in-error) withdraws, no value or true is present;
 *   <li>times may be dates (a diagnosis made on a day): that day's start in UTC;
 *   <li>{@code identifier[0]} identifies the finding; with the statuses and {@code meta.versionId} it is the
 *       idempotency key.
 * </ul>
 */
final class FindingMapper {

    private static final String CONDITION = "Condition";
    private static final String OBSERVATION = "Observation";
    private static final Set<String> PRESENT = Set.of("active", "recurrence", "relapse");
    private static final Set<String> ENDED = Set.of("inactive", "remission", "resolved");
    private static final Set<String> WITHDRAWN = Set.of("refuted", "entered-in-error");
    private static final Set<String> NOT_A_DIAGNOSIS = Set.of("unconfirmed", "differential");

    /** An Observation that carries a finding rather than a result: coded with a finding code, not with LOINC. */
    static boolean isFinding(Observation observation) {
        List<Coding> codings = observation.getCode().getCoding();
        return codings.stream().noneMatch(coding -> ObservationMapper.LOINC.equals(coding.getSystem()))
                && codings.stream()
                        .anyMatch(coding -> FindingCodes.findingOf(coding.getSystem(), coding.getCode())
                                        .isPresent()
                                || FindingCodes.TOXWATCH_SYSTEM.equals(coding.getSystem()));
    }

    MappedResource<ClinicalFindingSubmission> map(Condition condition) {
        var problems = new ArrayList<Problem>();
        var paths = new HashMap<String, String>();
        String patientId = SharedElements.patientId(condition.getSubject(), CONDITION + ".subject", problems);
        String clinical = codeOf(condition.getClinicalStatus());
        String verification = codeOf(condition.getVerificationStatus());
        Boolean present = null;
        SharedElements.Timed time;
        if (verification != null && WITHDRAWN.contains(verification)) {
            present = false;
            time = onsetOrRecorded(condition, problems);
        } else if (verification != null && NOT_A_DIAGNOSIS.contains(verification)) {
            problems.add(Problem.notSupported(
                    CONDITION + ".verificationStatus",
                    "'" + verification + "' is not recorded: ToxWatch acts on provisional or confirmed diagnoses;"
                            + " send it again once confirmed (or refuted)"));
            time = onsetOrRecorded(condition, problems);
        } else if (clinical == null) {
            problems.add(Problem.invalid(
                    CONDITION + ".clinicalStatus",
                    "is required (active, recurrence, relapse, inactive, remission or resolved)"));
            time = onsetOrRecorded(condition, problems);
        } else if (PRESENT.contains(clinical)) {
            present = true;
            time = onsetOrRecorded(condition, problems);
        } else if (ENDED.contains(clinical)) {
            present = false;
            time = SharedElements.dayOrInstantOf(condition.getAbatement(), CONDITION + ".abatement", problems);
            if (time.instant() == null && !condition.hasAbatement()) {
                problems.add(Problem.invalid(
                        CONDITION + ".abatement[x]",
                        "is required when clinicalStatus is '" + clinical + "': when the condition ended"));
            }
        } else {
            problems.add(Problem.invalid(
                    CONDITION + ".clinicalStatus",
                    "'" + clinical + "' is not a clinical status (active, recurrence, relapse, inactive, remission"
                            + " or resolved)"));
            time = onsetOrRecorded(condition, problems);
        }
        paths.put("observedAt", time.path());
        String identifier = SharedElements.identifierKey(condition.getIdentifier());
        String messageId = SharedElements.messageId(
                identifier,
                (clinical == null ? "" : clinical) + "/" + (verification == null ? "" : verification),
                condition.getMeta().hasVersionId() ? condition.getMeta().getVersionId() : null);
        return mapped(condition.getCode(), CONDITION, patientId, present, time, identifier, messageId, paths, problems);
    }

    MappedResource<ClinicalFindingSubmission> map(Observation observation) {
        var problems = new ArrayList<Problem>();
        var paths = new HashMap<String, String>();
        String patientId = SharedElements.patientId(observation.getSubject(), OBSERVATION + ".subject", problems);
        Boolean present = null;
        String status = observation.hasStatus() ? observation.getStatus().toCode() : null;
        if (status == null) {
            problems.add(Problem.invalid(OBSERVATION + ".status", "is required"));
        } else if (status.equals("cancelled") || status.equals("entered-in-error")) {
            present = false;
        } else if (Set.of("preliminary", "final", "amended", "corrected").contains(status)) {
            present = presentOf(observation, problems);
        } else {
            problems.add(Problem.notSupported(
                    OBSERVATION + ".status",
                    "'" + status + "' carries no finding: send it again once it is preliminary or final"));
        }
        SharedElements.Timed time =
                SharedElements.dayOrInstantOf(observation.getEffective(), OBSERVATION + ".effective", problems);
        paths.put("observedAt", time.path());
        String identifier = SharedElements.identifierKey(observation.getIdentifier());
        String messageId = SharedElements.messageId(
                identifier,
                status,
                observation.getMeta().hasVersionId() ? observation.getMeta().getVersionId() : null);
        return mapped(
                observation.getCode(), OBSERVATION, patientId, present, time, identifier, messageId, paths, problems);
    }

    private static @Nullable Boolean presentOf(Observation observation, List<Problem> problems) {
        if (!observation.hasValue()) {
            return true;
        }
        if (observation.getValue() instanceof BooleanType bool && bool.getValue() != null) {
            return bool.getValue();
        }
        problems.add(Problem.notSupported(
                OBSERVATION + ".value[x]",
                "a finding is recorded from valueBoolean (true: present, false: absent) or from no value"));
        return null;
    }

    private static SharedElements.Timed onsetOrRecorded(Condition condition, List<Problem> problems) {
        if (condition.hasOnset()) {
            return SharedElements.dayOrInstantOf(condition.getOnset(), CONDITION + ".onset", problems);
        }
        String path = CONDITION + ".recordedDate";
        return new SharedElements.Timed(
                SharedElements.dayOrInstantOf(condition.getRecordedDateElement(), path, problems),
                condition.hasRecordedDate() ? path : CONDITION + ".onset[x]");
    }

    private static MappedResource<ClinicalFindingSubmission> mapped(
            CodeableConcept code,
            String root,
            @Nullable String patientId,
            @Nullable Boolean present,
            SharedElements.Timed time,
            @Nullable String identifier,
            @Nullable String messageId,
            Map<String, String> paths,
            List<Problem> problems) {
        paths.put("patientId", root + ".subject");
        paths.put("sourceMessageId", root + ".identifier");
        paths.put("sourceFindingId", root + ".identifier");
        String chosen = null;
        String codePath = root + ".code";
        List<Coding> codings = code.getCoding();
        for (int i = 0; i < codings.size() && chosen == null; i++) {
            Coding coding = codings.get(i);
            if (FindingCodes.findingOf(coding.getSystem(), coding.getCode()).isPresent()) {
                chosen = coding.getSystem().trim() + "|" + coding.getCode().trim();
                codePath = root + ".code.coding[" + i + "]";
            }
        }
        for (int i = 0; i < codings.size() && chosen == null; i++) {
            Coding coding = codings.get(i);
            if (coding.hasCode()) {
                // Not known: kept as sent, so that the rejection names the code.
                chosen = (coding.hasSystem() ? coding.getSystem().trim() : "") + "|"
                        + coding.getCode().trim();
                codePath = root + ".code.coding[" + i + "]";
            }
        }
        paths.put("code", codePath);
        paths.put("finding", codePath);
        var submission =
                new ClinicalFindingSubmission(patientId, null, chosen, present, time.instant(), identifier, messageId);
        return new MappedResource<>(
                List.of(new MappedResource.Item<>(submission, Map.copyOf(paths), root)),
                messageId,
                List.copyOf(problems));
    }

    private static @Nullable String codeOf(CodeableConcept status) {
        return status.getCoding().stream()
                .filter(Coding::hasCode)
                .map(coding -> coding.getCode().trim())
                .findFirst()
                .orElse(null);
    }
}
