package org.toxwatch.ingest.adapter.fhir;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP side only: media types, Retry-After, the sender; what is answered is FhirIngest's (mocked here). */
@WebMvcTest(FhirController.class)
@Import(FhirControllerTest.Beans.class)
@WithMockUser(username = "DEMO-LIS", roles = "INTEGRATION")
class FhirControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        FhirJson fhirJson() {
            return new FhirJson(FhirFixtures.FHIR);
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FhirIngest ingest;

    @Test
    void aCreatedObservationIsAnsweredAsFhirJsonForTheAuthenticatedSender() throws Exception {
        when(ingest.create(eq("Observation"), eq("{\"resourceType\":\"Observation\"}"), eq("DEMO-LIS")))
                .thenReturn(new FhirResponse(201, Outcomes.accepted(List.of(UUID.randomUUID()), false), false));

        mvc.perform(post("/fhir/Observation")
                        .with(csrf())
                        .contentType("application/fhir+json")
                        .content("{\"resourceType\":\"Observation\"}"))
                .andExpect(status().isCreated())
                .andExpect(content().contentType("application/fhir+json;charset=UTF-8"))
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"));
    }

    @Test
    void retryLaterCarriesRetryAfter() throws Exception {
        when(ingest.create(eq("MedicationAdministration"), any(), any()))
                .thenReturn(new FhirResponse(503, Outcomes.retryLater("Nothing was stored"), true));

        mvc.perform(post("/fhir/MedicationAdministration")
                        .with(csrf())
                        .contentType("application/json")
                        .content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.issue[0].code").value("transient"));
    }

    @Test
    void fhirXmlIsRefusedAsAnUnsupportedFormat() throws Exception {
        when(ingest.unsupportedFormat(eq("Bundle"), any(), eq("DEMO-LIS"), startsWith("application/fhir+xml")))
                .thenReturn(new FhirResponse(415, Outcomes.retryLater("unused"), false));

        mvc.perform(post("/fhir")
                        .with(csrf())
                        .contentType("application/fhir+xml")
                        .content("<Bundle/>"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void theCapabilityStatementIsR4Json() throws Exception {
        mvc.perform(get("/fhir/metadata"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resourceType").value("CapabilityStatement"))
                .andExpect(jsonPath("$.fhirVersion").value("4.0.1"))
                .andExpect(jsonPath("$.rest[0].interaction[*].code")
                        .value(org.hamcrest.Matchers.contains("batch", "transaction")));
        verifyNoInteractions(ingest);
    }
}
