package org.toxwatch.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import org.toxwatch.testinfrastructure.RoleMatrix;

/**
 * Monitoring's role matrix (src/test/resources/security/role-matrix.csv), enforced: every route of the OpenAPI
 * document is in the matrix, and every route of the matrix, called over HTTP with no credentials, wrong
 * credentials and as each role, is answered as the matrix says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleMatrixIT {

    private static final Map<String, String> PASSWORDS = Map.of(
            "INTEGRATION",
            "matrix-it-integration",
            "CLINICIAN",
            "matrix-it-clinician",
            "OPERATOR",
            "matrix-it-operator");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "monitoring-role-matrix-it");
        registry.add("toxwatch.security.credentials-file", () -> "target/monitoring-role-matrix-it-credentials");
        registry.add("spring.kafka.streams.application-id", () -> "monitoring-role-matrix-it-" + UUID.randomUUID());
        // Routes and roles need no grading: a running topology would grade the other ITs' events on the shared
        // broker a second time and publish duplicate assessments beside theirs.
        registry.add("spring.kafka.streams.auto-startup", () -> "false");
        registry.add(
                "spring.kafka.streams.state-dir", () -> "target/monitoring-role-matrix-it-state-" + UUID.randomUUID());
        PASSWORDS.forEach((role, password) -> registry.add("TOXWATCH_BOOTSTRAP_" + role + "_PASSWORD", () -> password));
        // The walk sends wrong credentials on purpose, once per route, all from this address.
        registry.add("toxwatch.security.login.delay-after", () -> "1000");
        registry.add("toxwatch.security.login.lock-after", () -> "1000");
    }

    @LocalServerPort
    int port;

    private final RoleMatrix matrix =
            RoleMatrix.read(RoleMatrixIT.class.getResourceAsStream("/security/role-matrix.csv"));

    @Test
    void everyRouteOfTheApiDescriptionIsInTheMatrix() throws Exception {
        assertThat(matrix.routes())
                .containsAll(RoleMatrix.describedBy("http://localhost:" + port, PASSWORDS.get("OPERATOR")));
    }

    @Test
    void everyCallerIsAnsweredAsTheMatrixSays() {
        assertThat(matrix.walk("http://localhost:" + port, PASSWORDS)).isEmpty();
    }
}
