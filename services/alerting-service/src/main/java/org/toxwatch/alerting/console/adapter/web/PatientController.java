package org.toxwatch.alerting.console.adapter.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.toxwatch.alerting.patient.application.PatientFiles;

/** Who a patient is and where they are, as the patient records said: for clinicians (the console's patient page). */
@RestController
class PatientController {

    private final PatientFiles patients;

    PatientController(PatientFiles patients) {
        this.patients = patients;
    }

    @GetMapping("/api/v1/patients/{patientId}")
    ResponseEntity<?> patient(@PathVariable String patientId) {
        return patients.find(patientId)
                .<ResponseEntity<?>>map(file -> ResponseEntity.ok(PatientView.of(file.details())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(
                                HttpStatus.NOT_FOUND, "No patient record received for this patient yet")));
    }
}
