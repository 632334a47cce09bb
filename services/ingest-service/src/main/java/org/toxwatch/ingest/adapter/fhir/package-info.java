/**
 * FHIR R4 entry point: Observation, MedicationAdministration and batch/transaction Bundles in, OperationOutcome
 * and response Bundles out. HAPI FHIR parses and encodes; validation is the one path every entry point shares
 * ({@link org.toxwatch.ingest.application.RecordClinicalEvents}).
 */
@NullMarked
package org.toxwatch.ingest.adapter.fhir;

import org.jspecify.annotations.NullMarked;
