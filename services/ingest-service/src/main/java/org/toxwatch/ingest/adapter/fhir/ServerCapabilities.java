package org.toxwatch.ingest.adapter.fhir;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/** What the FHIR endpoint does, and nothing more: create of four resource types, batch and transaction, JSON. */
final class ServerCapabilities {

    static CapabilityStatement statement(Instant startedAt) {
        var statement = new CapabilityStatement()
                .setStatus(PublicationStatus.ACTIVE)
                .setDate(Date.from(startedAt))
                .setKind(CapabilityStatementKind.INSTANCE)
                .setFhirVersion(FHIRVersion._4_0_1)
                .setPublisher("ToxWatch")
                .setDescription("ToxWatch ingest: laboratory results, vital signs, therapy administrations, clinician"
                        + " findings and planned doses for"
                        + " toxicity monitoring. Accepted only once stored in Kafka; resends are recognised by"
                        + " identifier and status.");
        statement.setName("ToxWatchIngest");
        statement.getSoftware().setName("ToxWatch ingest-service");
        statement.getImplementation().setDescription("ToxWatch ingest FHIR R4 endpoint");
        statement.addFormat("json").addFormat("application/fhir+json");
        var rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity()
                .addService(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/restful-security-service", "Basic", "Basic")))
                .setDescription("HTTP Basic (local runs) or an OAuth2 bearer token; the INTEGRATION role is required."
                        + " The sender is the authenticated integration user.");
        rest.addResource()
                .setType(FhirIngest.OBSERVATION)
                .setProfile("http://hl7.org/fhir/StructureDefinition/Observation")
                .setDocumentation("Laboratory results (LOINC, UCUM) and vital signs; local codes mapped per sender.")
                .addInteraction()
                .setCode(TypeRestfulInteraction.CREATE);
        rest.addResource()
                .setType(FhirIngest.MEDICATION_ADMINISTRATION)
                .setProfile("http://hl7.org/fhir/StructureDefinition/MedicationAdministration")
                .setDocumentation("Blinatumomab, inotuzumab ozogamicin, CAR T-cells and supportive drugs"
                        + " (tocilizumab, siltuximab, anakinra, corticosteroids, antipyretics, vasopressors).")
                .addInteraction()
                .setCode(TypeRestfulInteraction.CREATE);
        rest.addResource()
                .setType(FhirIngest.CONDITION)
                .setProfile("http://hl7.org/fhir/StructureDefinition/Condition")
                .setDocumentation("Clinician findings the rules name (VOD/SOS diagnosed, hepatomegaly, ascites, ...):"
                        + " SNOMED CT codes of ToxWatch's finding table or urn:toxwatch:finding|<finding>;"
                        + " refuted, entered-in-error or resolved withdraws the finding. An Observation coded so"
                        + " is read as a finding too.")
                .addInteraction()
                .setCode(TypeRestfulInteraction.CREATE);
        rest.addResource()
                .setType(FhirIngest.MEDICATION_REQUEST)
                .setProfile("http://hl7.org/fhir/StructureDefinition/MedicationRequest")
                .setDocumentation("Planned immunotherapy doses: active/on-hold plans, cancelled/stopped/"
                        + "entered-in-error withdraws. Cycle and cycle day in the extensions "
                        + MedicationRequestMapper.CYCLE + " and " + MedicationRequestMapper.CYCLE_DAY
                        + "; the time in dosageInstruction[0].timing.event[0].")
                .addInteraction()
                .setCode(TypeRestfulInteraction.CREATE);
        rest.addResource()
                .setType(FhirIngest.PATIENT)
                .setProfile("http://hl7.org/fhir/StructureDefinition/Patient")
                .setDocumentation("Identifiers (the MR one is the patient id), name, birthDate and gender; recorded"
                        + " when it states more than its identifiers.")
                .addInteraction()
                .setCode(TypeRestfulInteraction.CREATE);
        rest.addResource()
                .setType(FhirIngest.ENCOUNTER)
                .setProfile("http://hl7.org/fhir/StructureDefinition/Encounter")
                .setDocumentation("in-progress admits, finished discharges; location[] by physicalType wa/ro/bd"
                        + " (display, else identifier) and the ATND participant as attending.")
                .addInteraction()
                .setCode(TypeRestfulInteraction.CREATE);
        rest.addInteraction()
                .setCode(SystemRestfulInteraction.BATCH)
                .setDocumentation("Each entry (POST) on its own, with its own status and outcome.");
        rest.addInteraction()
                .setCode(SystemRestfulInteraction.TRANSACTION)
                .setDocumentation(
                        "All entries (POST) stored together, or none. Patient entries give the MRN the other entries"
                                + " reference by fullUrl, and are recorded when they state more than identifiers.");
        return statement;
    }

    private ServerCapabilities() {}
}
