package org.toxwatch.ingest.adapter.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordClinicalEvents.Derived;
import org.toxwatch.ingest.domain.Violation;

/**
 * Maps a FHIR resource and validates its items on the path every entry point shares, then reports each finding
 * where the sender can find it: the validator's {@code unit} becomes {@code Observation.valueQuantity.code}. What
 * mapping already found (a reference that is no Patient) is reported once, not again by the validator.
 */
final class LocatedValidation {

    private final RecordClinicalEvents recordClinicalEvents;
    private final ObservationMapper observations = new ObservationMapper();
    private final MedicationAdministrationMapper administrations = new MedicationAdministrationMapper();
    private final FindingMapper findings = new FindingMapper();
    private final MedicationRequestMapper requests = new MedicationRequestMapper();
    private final PatientMapper patients = new PatientMapper();

    LocatedValidation(RecordClinicalEvents recordClinicalEvents) {
        this.recordClinicalEvents = recordClinicalEvents;
    }

    /**
     * A resource's items, each valid or with its findings located.
     *
     * @param messageId the resource's idempotency key
     * @param types which findings are {@code not-supported} rather than {@code invalid}
     */
    record Derivation(List<Derived> derived, @Nullable String messageId, Map<Violation, IssueType> types) {}

    /**
     * @param relocate turns a resource-relative path into the one reported, e.g. into
     *     {@code Bundle.entry[2].resource.ofType(Observation).valueQuantity.code} inside a transaction
     */
    Derivation validate(Resource resource, String sender, Instant now, UnaryOperator<String> relocate) {
        if (resource instanceof Observation observation && FindingMapper.isFinding(observation)) {
            return locate(
                    findings.map(observation),
                    item -> recordClinicalEvents.clinicalFinding(sender, item, now),
                    relocate);
        }
        return switch (resource) {
            case Condition condition ->
                locate(
                        findings.map(condition),
                        item -> recordClinicalEvents.clinicalFinding(sender, item, now),
                        relocate);
            case org.hl7.fhir.r4.model.Patient patient ->
                locate(patients.map(patient), item -> recordClinicalEvents.patient(sender, item, now), relocate);
            case org.hl7.fhir.r4.model.Encounter encounter ->
                locate(patients.map(encounter), item -> recordClinicalEvents.patient(sender, item, now), relocate);
            case MedicationRequest request ->
                locate(requests.map(request), item -> recordClinicalEvents.dosePlan(sender, item, now), relocate);
            case Observation observation ->
                locate(
                        observations.map(observation),
                        item -> recordClinicalEvents.observation(sender, item, now),
                        relocate);
            case MedicationAdministration administration ->
                locate(
                        administrations.map(administration),
                        item -> recordClinicalEvents.therapyEvent(sender, item, now),
                        relocate);
            default -> throw new IllegalArgumentException("not a supported resource: " + resource.fhirType());
        };
    }

    private static <S> Derivation locate(
            MappedResource<S> mapped, Function<S, Derived> validate, UnaryOperator<String> relocate) {
        var types = new HashMap<Violation, IssueType>();
        var seen = new LinkedHashSet<Violation>();
        Set<String> mappedPaths =
                mapped.problems().stream().map(Problem::expression).collect(Collectors.toSet());
        var derived = new ArrayList<Derived>();
        boolean problemsReported = false;
        for (int i = 0; i < mapped.items().size(); i++) {
            var item = mapped.items().get(i);
            Derived validated = validate.apply(item.submission());
            if (validated.skipped()) {
                // A result ToxWatch does not grade is never a reason to reject: its problems are not reported.
                derived.add(validated);
                continue;
            }
            var found = new ArrayList<Violation>();
            if (!problemsReported) {
                problemsReported = true;
                for (Problem problem : mapped.problems()) {
                    var violation = new Violation(relocate.apply(problem.expression()), problem.diagnostics());
                    types.put(violation, problem.type());
                    if (seen.add(violation)) {
                        found.add(violation);
                    }
                }
            }
            for (Violation violation : validated.violations()) {
                String path = item.pathOf(violation.field());
                if (coveredByMapping(path, item.root(), mappedPaths)) {
                    continue;
                }
                var located = new Violation(relocate.apply(path), violation.message());
                if (seen.add(located)) {
                    found.add(located);
                }
            }
            // An item whose findings were all reported already (by mapping, or by an earlier component) stays invalid.
            boolean valid = found.isEmpty() && validated.violations().isEmpty();
            derived.add(valid ? validated : Derived.invalid(found));
        }
        if (!problemsReported && !mapped.problems().isEmpty() && mapped.items().isEmpty()) {
            for (Problem problem : mapped.problems()) {
                var violation = new Violation(relocate.apply(problem.expression()), problem.diagnostics());
                types.put(violation, problem.type());
                derived.add(Derived.invalid(List.of(violation)));
            }
        }
        return new Derivation(List.copyOf(derived), mapped.messageId(), Map.copyOf(types));
    }

    /** A validator finding where mapping already said what is wrong (e.g. no patient: the reference is no Patient). */
    private static boolean coveredByMapping(String path, String root, Set<String> mappedPaths) {
        return mappedPaths.contains(path)
                || !path.equals(root) && mappedPaths.stream().anyMatch(mapped -> mapped.startsWith(path + "."));
    }
}
