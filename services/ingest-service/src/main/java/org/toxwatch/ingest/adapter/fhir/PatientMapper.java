package org.toxwatch.ingest.adapter.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.PatientSubmission;
import org.toxwatch.model.EncounterEvent;

/**
 * Reads a FHIR R4 Patient or Encounter into a {@link PatientSubmission}.
 *
 * <ul>
 *   <li>Patient: the patient id is the MRN (the identifier typed MR, else the first, as HL7 PID-3); every
 *       identifier ({@code value}, {@code system} as authority, {@code type.coding[0].code}); the official name
 *       (else the first): {@code family} and the {@code given} names; {@code birthDate} (a full date);
 *       {@code gender}. Recorded as REGISTERED, and only when it states more than its identifiers;
 *   <li>Encounter: {@code subject} names the patient; {@code status} in-progress (or onleave) is ADMITTED,
 *       finished DISCHARGED, anything else is refused; {@code location[]} that is not completed or planned, by
 *       {@code physicalType} wa (ward), ro (room) or bd (bed), a location without one being the ward, each named by
 *       {@code location.display} else {@code location.identifier.value}; the {@code participant} of type ATND as the
 *       attending ({@code individual.display} else its identifier); {@code identifier[0]} with the status and
 *       {@code meta.versionId} is the idempotency key.
 * </ul>
 *
 * <p>{@code meta.lastUpdated} is when the details were stated (else when they arrived).
 */
final class PatientMapper {

    private static final Map<String, EncounterEvent> STATUS = Map.of(
            "in-progress", EncounterEvent.ADMITTED,
            "onleave", EncounterEvent.ADMITTED,
            "finished", EncounterEvent.DISCHARGED);

    MappedResource<PatientSubmission> map(Patient patient) {
        var problems = new ArrayList<Problem>();
        Optional<String> mrn = TransactionPatients.mrnOf(patient);
        if (mrn.isEmpty()) {
            problems.add(Problem.invalid(
                    "Patient.identifier", "is required: ToxWatch keys patients by their medical record number"));
            return new MappedResource<>(List.of(), null, problems);
        }
        HumanName name = nameOf(patient);
        String given = name == null
                ? null
                : name.getGiven().stream()
                        .map(StringType::getValue)
                        .filter(part -> part != null && !part.isBlank())
                        .collect(Collectors.joining(" "));
        var submission = new PatientSubmission(
                mrn.get(),
                EncounterEvent.REGISTERED.name(),
                identifiers(patient.getIdentifier()),
                name == null || !name.hasFamily() ? null : name.getFamily(),
                given == null || given.isEmpty() ? null : given,
                patient.hasBirthDateElement() ? patient.getBirthDateElement().getValueAsString() : null,
                patient.hasGender() ? patient.getGender().toCode() : null,
                null,
                null,
                null,
                null,
                lastUpdated(patient.getMeta()),
                SharedElements.messageId(
                        SharedElements.identifierKey(patient.getIdentifier()), "patient", version(patient.getMeta())));
        boolean beyondTheId = submission.familyName() != null
                || submission.givenName() != null
                || submission.birthDate() != null
                || submission.sex() != null;
        if (!beyondTheId) {
            return new MappedResource<>(List.of(), null, problems);
        }
        var paths = new HashMap<String, String>();
        paths.put("patientId", "Patient.identifier");
        paths.put("sourceMessageId", "Patient.identifier");
        paths.put("familyName", "Patient.name.family");
        paths.put("givenName", "Patient.name.given");
        paths.put("birthDate", "Patient.birthDate");
        paths.put("sex", "Patient.gender");
        paths.put("recordedAt", "Patient.meta.lastUpdated");
        identifierPaths(patient.getIdentifier().size(), paths);
        return new MappedResource<>(
                List.of(new MappedResource.Item<>(submission, paths, "Patient")),
                submission.sourceMessageId(),
                problems);
    }

    MappedResource<PatientSubmission> map(Encounter encounter) {
        var problems = new ArrayList<Problem>();
        String patientId = SharedElements.patientId(encounter.getSubject(), "Encounter.subject", problems);
        String status = encounter.hasStatus() ? encounter.getStatus().toCode() : null;
        EncounterEvent event = status == null ? null : STATUS.get(status);
        if (status == null) {
            problems.add(Problem.invalid("Encounter.status", "is required"));
        } else if (event == null) {
            problems.add(Problem.notSupported(
                    "Encounter.status",
                    "'" + status + "' is not supported: in-progress (admitted) or finished (discharged)"));
        }
        var submission = new PatientSubmission(
                patientId,
                event == null ? null : event.name(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                location(encounter),
                attending(encounter),
                lastUpdated(encounter.getMeta()),
                SharedElements.messageId(
                        SharedElements.identifierKey(encounter.getIdentifier()), status, version(encounter.getMeta())));
        var paths = new HashMap<String, String>();
        paths.put("patientId", "Encounter.subject");
        paths.put("sourceMessageId", "Encounter.identifier");
        paths.put("encounterEvent", "Encounter.status");
        paths.put("attending", "Encounter.participant");
        paths.put("recordedAt", "Encounter.meta.lastUpdated");
        for (String part : List.of("ward", "room", "bed", "facility")) {
            paths.put("location." + part, "Encounter.location");
        }
        return new MappedResource<>(
                List.of(new MappedResource.Item<>(submission, paths, "Encounter")),
                submission.sourceMessageId(),
                problems);
    }

    private static PatientSubmission.@Nullable Location location(Encounter encounter) {
        String ward = null;
        String room = null;
        String bed = null;
        for (var place : encounter.getLocation()) {
            if (place.hasStatus()
                    && (place.getStatus() == Encounter.EncounterLocationStatus.COMPLETED
                            || place.getStatus() == Encounter.EncounterLocationStatus.PLANNED)) {
                continue;
            }
            String name = nameOf(place.getLocation());
            if (name == null) {
                continue;
            }
            String type = place.getPhysicalType().getCodingFirstRep().getCode();
            if ("bd".equals(type)) {
                bed = name;
            } else if ("ro".equals(type)) {
                room = name;
            } else if (ward == null) {
                ward = name;
            }
        }
        return ward == null && room == null && bed == null
                ? null
                : new PatientSubmission.Location(ward, room, bed, null);
    }

    private static @Nullable String attending(Encounter encounter) {
        return encounter.getParticipant().stream()
                .filter(participant -> participant.getType().stream()
                        .flatMap(type -> type.getCoding().stream())
                        .anyMatch(coding -> "ATND".equals(coding.getCode())))
                .map(participant -> nameOf(participant.getIndividual()))
                .filter(name -> name != null)
                .findFirst()
                .orElse(null);
    }

    private static @Nullable String nameOf(Reference reference) {
        if (reference.hasDisplay() && !reference.getDisplay().isBlank()) {
            return reference.getDisplay().trim();
        }
        return reference.hasIdentifier() && reference.getIdentifier().hasValue()
                ? reference.getIdentifier().getValue().trim()
                : null;
    }

    private static @Nullable HumanName nameOf(Patient patient) {
        return patient.getName().stream()
                .filter(name -> name.getUse() == HumanName.NameUse.OFFICIAL)
                .findFirst()
                .orElse(patient.hasName() ? patient.getNameFirstRep() : null);
    }

    private static List<PatientSubmission.Identifier> identifiers(List<Identifier> identifiers) {
        return identifiers.stream()
                .filter(Identifier::hasValue)
                .map(identifier -> new PatientSubmission.Identifier(
                        identifier.getValue(),
                        identifier.hasSystem() ? identifier.getSystem() : null,
                        identifier.getType().getCodingFirstRep().getCode()))
                .toList();
    }

    private static void identifierPaths(int count, Map<String, String> paths) {
        for (int i = 0; i < count; i++) {
            paths.put("identifiers[" + i + "].value", "Patient.identifier");
            paths.put("identifiers[" + i + "].assigningAuthority", "Patient.identifier");
            paths.put("identifiers[" + i + "].type", "Patient.identifier");
        }
    }

    private static @Nullable Instant lastUpdated(Meta meta) {
        return meta.hasLastUpdated() ? meta.getLastUpdated().toInstant() : null;
    }

    private static @Nullable String version(Meta meta) {
        if (meta.hasVersionId()) {
            return meta.getVersionId();
        }
        return meta.hasLastUpdated() ? meta.getLastUpdatedElement().getValueAsString() : null;
    }
}
