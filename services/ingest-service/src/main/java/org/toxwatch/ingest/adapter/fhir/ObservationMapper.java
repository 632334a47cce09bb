package org.toxwatch.ingest.adapter.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.InputHygiene;
import org.toxwatch.ingest.domain.ObservationCode;
import org.toxwatch.ingest.domain.ObservationSubmission;
import org.toxwatch.ingest.domain.ReportedUnits;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.ValueComparator;

/**
 * Reads a FHIR R4 Observation (laboratory result or vital sign) into {@link ObservationSubmission}s:
 *
 * <ul>
 *   <li>{@code subject}: {@code Patient/<id>} or {@code subject.identifier.value} is the patient id;
 *   <li>{@code code.coding}: a {@code http://loinc.org} coding ToxWatch monitors, else the first LOINC coding,
 *       else the first coding's code as the sender's local code (mapped per sender);
 *   <li>{@code valueQuantity}: value and the UCUM {@code code}, or the {@code unit} text without one (read
 *       through the unit synonyms, so {@code K/uL} is {@code 10*3/uL}); {@code comparator} makes it a censored
 *       value ({@code <0.1});
 *   <li>{@code interpretation}: the codes as sent, as abnormal flags; {@code specimen}: the condition of a
 *       contained (or, in a transaction, bundled) Specimen (see {@link SpecimenConditions});
 *       {@code valueCodeableConcept} (oxygen device, LOINC 107117-4): the SNOMED CT code, else the first code;
 *   <li>{@code effective[x]}: the collection or measurement time; a date alone is that day's start (UTC) with
 *       precision DAY;
 *   <li>{@code referenceRange[0]}: low and high;
 *   <li>{@code status}: preliminary, final; amended/corrected as corrected; cancelled/entered-in-error as
 *       cancelled; registered and unknown carry no result and are refused as not supported;
 *   <li>{@code identifier[0]}: {@code system|value} identifies the result across corrections; with the status
 *       (and {@code meta.versionId}) it is the idempotency key (see {@link SharedElements#messageId}).
 * </ul>
 *
 * A panel without a value of its own (blood pressure 85354-9) yields one submission per component ToxWatch
 * monitors; components with other codes (e.g. FiO2 in a pulse-oximetry panel) are not recorded.
 */
final class ObservationMapper {

    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    private static final String ROOT = "Observation";

    MappedResource<ObservationSubmission> map(Observation observation) {
        var problems = new ArrayList<Problem>();
        String patientId = SharedElements.patientId(observation.getSubject(), ROOT + ".subject", problems);
        String status = statusOf(observation, problems);
        SharedElements.Timed effective = SharedElements.effectiveToTheDay(observation.getEffective(), ROOT, problems);
        String identifier = SharedElements.identifierKey(observation.getIdentifier());
        String messageId = SharedElements.messageId(
                identifier,
                observation.hasStatus() ? observation.getStatus().toCode() : null,
                observation.getMeta().hasVersionId() ? observation.getMeta().getVersionId() : null);
        var common =
                new Common(patientId, effective, status, messageId, identifier, SpecimenConditions.of(observation));

        var items = new ArrayList<MappedResource.Item<ObservationSubmission>>();
        for (int i = 0; i < observation.getComponent().size(); i++) {
            var component = observation.getComponent().get(i);
            String path = ROOT + ".component[" + i + "]";
            if (monitoredLoinc(component.getCode()) != null) {
                items.add(item(
                        common,
                        component.getCode(),
                        component.getValue(),
                        component.getInterpretation(),
                        component.getReferenceRange(),
                        path,
                        problems));
            }
        }
        if (observation.hasValue() || items.isEmpty()) {
            items.addFirst(item(
                    common,
                    observation.getCode(),
                    observation.getValue(),
                    observation.getInterpretation(),
                    observation.getReferenceRange(),
                    ROOT,
                    problems));
        }
        return new MappedResource<>(List.copyOf(items), messageId, List.copyOf(problems));
    }

    private record Common(
            @Nullable String patientId,
            SharedElements.Timed effective,
            @Nullable String status,
            @Nullable String messageId,
            @Nullable String identifier,
            List<SpecimenCondition> specimenConditions) {}

    private static MappedResource.Item<ObservationSubmission> item(
            Common common,
            CodeableConcept code,
            @Nullable Type value,
            List<CodeableConcept> interpretation,
            List<ObservationReferenceRangeComponent> ranges,
            String path,
            List<Problem> problems) {
        var paths = new HashMap<String, String>();
        paths.put("patientId", ROOT + ".subject");
        paths.put("sourceMessageId", ROOT + ".identifier");
        paths.put("sourceObservationId", ROOT + ".identifier");
        paths.put("status", ROOT + ".status");
        paths.put("effectiveTime", common.effective().path());

        CodeChoice chosen = choose(code, path + ".code");
        paths.put("loinc", chosen.path());
        paths.put("localCode", chosen.path());

        BigDecimal number = null;
        ValueComparator comparator = null;
        String unit = null;
        String valueCode = null;
        if (value instanceof Quantity quantity && !quantity.isEmpty()) {
            String quantityPath = path + ".valueQuantity";
            number = quantity.getValue();
            var read = SharedElements.unitOf(quantity, quantityPath);
            unit = read.code();
            paths.put("value", quantityPath + ".value");
            paths.put("unit", read.path());
            if (quantity.hasComparator()) {
                comparator = ValueComparator.ofSymbol(quantity.getComparator().toCode())
                        .orElse(null);
                paths.put("comparator", quantityPath + ".comparator");
                if (comparator == null) {
                    problems.add(Problem.notSupported(
                            quantityPath + ".comparator",
                            "'" + quantity.getComparator().toCode() + "' is not a bound ToxWatch can grade: send <, <=,"
                                    + " >= or >"));
                }
            }
        } else if (value instanceof CodeableConcept concept && !concept.isEmpty()) {
            valueCode = codeOf(concept);
            paths.put("valueCode", path + ".valueCodeableConcept");
            paths.put("value", path + ".valueCodeableConcept");
        } else if (value != null && !value.isEmpty()) {
            problems.add(Problem.notSupported(
                    path + ".value[x]",
                    "value" + capitalized(value.fhirType()) + " is not supported: send valueQuantity with a UCUM"
                            + " unit, or valueCodeableConcept for the oxygen delivery device"));
            paths.put("value", path + ".value[x]");
            paths.put("unit", path + ".value[x]");
        } else {
            paths.put("value", path + ".value[x]");
            paths.put("unit", path + ".valueQuantity.code");
            paths.put("valueCode", path + ".value[x]");
        }

        BigDecimal low = null;
        BigDecimal high = null;
        if (!ranges.isEmpty()) {
            var range = ranges.getFirst();
            String rangePath = path + ".referenceRange[0]";
            paths.put("referenceRange", rangePath);
            low = range.hasLow() ? range.getLow().getValue() : null;
            high = range.hasHigh() ? range.getHigh().getValue() : null;
            checkRangeUnit(range.getLow(), unit, rangePath + ".low", problems);
            checkRangeUnit(range.getHigh(), unit, rangePath + ".high", problems);
        }
        var submission = new ObservationSubmission(
                common.patientId(),
                chosen.loinc(),
                number,
                valueCode,
                unit,
                common.effective().instant(),
                low,
                high,
                common.status(),
                common.messageId(),
                common.identifier(),
                chosen.localCode(),
                comparator,
                flagsOf(interpretation),
                common.specimenConditions(),
                common.effective().precision());
        return new MappedResource.Item<>(submission, Map.copyOf(paths), path);
    }

    /**
     * Each interpretation as sent: its first code ({@code LL}, {@code H}), else its text when that is a flag rather
     * than a sentence (a long remark is no reason to refuse the result it annotates).
     */
    private static List<String> flagsOf(List<CodeableConcept> interpretation) {
        return interpretation.stream()
                .map(concept -> concept.getCoding().stream()
                        .filter(Coding::hasCode)
                        .map(coding -> coding.getCode().trim())
                        .findFirst()
                        .orElse(concept.hasText() ? concept.getText().trim() : null))
                .filter(flag -> flag != null && !flag.isEmpty() && flag.length() <= InputHygiene.CODE_MAX)
                .toList();
    }

    private static void checkRangeUnit(
            Quantity bound, @Nullable String valueUnit, String path, List<Problem> problems) {
        if (valueUnit == null || bound.isEmpty() || !bound.hasCode() && !bound.hasUnit()) {
            return;
        }
        String boundUnit = SharedElements.unitOf(bound, path).code();
        // The same unit spelled two ways (10*3/uL and K/uL) is one unit.
        if (boundUnit != null
                && !boundUnit.equals(valueUnit)
                && !java.util.Objects.equals(ReportedUnits.ucumOf(boundUnit), ReportedUnits.ucumOf(valueUnit))) {
            problems.add(Problem.invalid(
                    path, "is in '" + boundUnit + "' but the value is in '" + valueUnit + "': send both in one unit"));
        }
    }

    private record CodeChoice(
            @Nullable String loinc, @Nullable String localCode, String path) {}

    private static CodeChoice choose(CodeableConcept code, String path) {
        List<Coding> codings = code.getCoding();
        int firstLoinc = -1;
        for (int i = 0; i < codings.size(); i++) {
            Coding coding = codings.get(i);
            if (LOINC.equals(coding.getSystem()) && coding.hasCode()) {
                if (ObservationCode.byLoinc(coding.getCode().trim()).isPresent()) {
                    return new CodeChoice(coding.getCode().trim(), null, path + ".coding[" + i + "].code");
                }
                firstLoinc = firstLoinc < 0 ? i : firstLoinc;
            }
        }
        if (firstLoinc >= 0) {
            return new CodeChoice(
                    codings.get(firstLoinc).getCode().trim(), null, path + ".coding[" + firstLoinc + "].code");
        }
        for (int i = 0; i < codings.size(); i++) {
            if (codings.get(i).hasCode()) {
                return new CodeChoice(null, codings.get(i).getCode().trim(), path + ".coding[" + i + "].code");
            }
        }
        return new CodeChoice(null, null, path);
    }

    private static @Nullable String monitoredLoinc(CodeableConcept code) {
        return code.getCoding().stream()
                .filter(coding -> LOINC.equals(coding.getSystem()) && coding.hasCode())
                .map(coding -> coding.getCode().trim())
                .filter(loinc -> ObservationCode.byLoinc(loinc).isPresent())
                .findFirst()
                .orElse(null);
    }

    private static @Nullable String codeOf(CodeableConcept concept) {
        return concept.getCoding().stream()
                .filter(coding -> SNOMED.equals(coding.getSystem()) && coding.hasCode())
                .findFirst()
                .or(() -> concept.getCoding().stream().filter(Coding::hasCode).findFirst())
                .map(Coding::getCode)
                .orElse(concept.hasText() ? concept.getText() : null);
    }

    private static @Nullable String statusOf(Observation observation, List<Problem> problems) {
        if (!observation.hasStatus()) {
            problems.add(Problem.invalid(ROOT + ".status", "is required"));
            return null;
        }
        return switch (observation.getStatus()) {
            case PRELIMINARY -> "preliminary";
            case FINAL -> "final";
            case AMENDED, CORRECTED -> "corrected";
            case CANCELLED, ENTEREDINERROR -> "cancelled";
            default -> {
                problems.add(Problem.notSupported(
                        ROOT + ".status",
                        "'" + observation.getStatus().toCode() + "' carries no result: ToxWatch records preliminary,"
                                + " final, amended/corrected and cancelled/entered-in-error results; send it again"
                                + " once it has one"));
                yield observation.getStatus().toCode();
            }
        };
    }

    private static String capitalized(String type) {
        return type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }
}
