package org.toxwatch.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FhirObservationSenderTest {

    private final FhirObservationSender sender = new FhirObservationSender(8080, 3, "integration", "secret");

    @Test
    void eachRequestIsOneLabObservationOfTheSendersPatients() {
        JsonNode observation = JsonRecords.JSON.readTree(sender.observation(507));

        assertThat(observation.get("resourceType").asString()).isEqualTo("Observation");
        assertThat(observation.at("/category/0/coding/0/code").asString()).isEqualTo("laboratory");
        assertThat(observation.at("/subject/reference").asString()).isEqualTo("Patient/LOAD-FHIR-SINGLE-3-7");
        assertThat(observation.at("/valueQuantity/system").asString()).isEqualTo("http://unitsofmeasure.org");
    }

    @Test
    void consecutiveRequestsGoThroughThePanelAndNoTwoShareAnIdentifier() {
        List<String> codes = new ArrayList<>();
        List<String> identifiers = new ArrayList<>();
        for (int sequence = 0; sequence < 2 * FhirBundleSender.OBSERVATIONS; sequence++) {
            JsonNode observation = JsonRecords.JSON.readTree(sender.observation(sequence));
            codes.add(observation.at("/code/coding/0/code").asString());
            identifiers.add(observation.at("/identifier/0/value").asString());
        }

        assertThat(codes.subList(0, FhirBundleSender.OBSERVATIONS)).doesNotHaveDuplicates();
        assertThat(codes.subList(FhirBundleSender.OBSERVATIONS, codes.size()))
                .isEqualTo(codes.subList(0, FhirBundleSender.OBSERVATIONS));
        assertThat(identifiers).doesNotHaveDuplicates();
    }
}
