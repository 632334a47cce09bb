package org.toxwatch.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FhirBundleSenderTest {

    private final FhirBundleSender sender = new FhirBundleSender(8080, 3, "integration", "secret");

    @Test
    void eachBundleIsATransactionOfTenObservationCreatesForOnePatient() {
        JsonNode bundle = JsonRecords.JSON.readTree(sender.bundle(7));

        assertThat(bundle.get("resourceType").asString()).isEqualTo("Bundle");
        assertThat(bundle.get("type").asString()).isEqualTo("transaction");
        List<String> subjects = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (JsonNode entry : bundle.get("entry")) {
            assertThat(entry.at("/request/method").asString()).isEqualTo("POST");
            assertThat(entry.at("/resource/resourceType").asString()).isEqualTo("Observation");
            subjects.add(entry.at("/resource/subject/reference").asString());
            codes.add(entry.at("/resource/code/coding/0/code").asString());
        }
        assertThat(codes).hasSize(FhirBundleSender.OBSERVATIONS).doesNotHaveDuplicates();
        assertThat(subjects).containsOnly("Patient/LOAD-FHIR-3-7");
    }

    @Test
    void noTwoBundlesOrObservationsShareAnIdentifierSoNoneIsAnsweredAsAResend() {
        JsonNode first = JsonRecords.JSON.readTree(sender.bundle(1));
        JsonNode second = JsonRecords.JSON.readTree(sender.bundle(2));

        assertThat(first.at("/identifier/value").asString())
                .isNotEqualTo(second.at("/identifier/value").asString());
        List<String> identifiers = new ArrayList<>();
        for (JsonNode bundle : List.of(first, second)) {
            for (JsonNode entry : bundle.get("entry")) {
                identifiers.add(entry.at("/resource/identifier/0/value").asString());
            }
        }
        assertThat(identifiers).hasSize(2 * FhirBundleSender.OBSERVATIONS).doesNotHaveDuplicates();
    }
}
