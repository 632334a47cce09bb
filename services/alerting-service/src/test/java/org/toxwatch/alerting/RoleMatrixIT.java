package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxwatch.testinfrastructure.RoleMatrix;

/**
 * Alerting's role matrix (src/test/resources/security/role-matrix.csv), enforced: every route of the OpenAPI
 * document is in the matrix, and every route of the matrix (API, actuator, console), called over HTTP with no
 * credentials, wrong credentials and as each role, is answered as the matrix says. Operators do not act on
 * alerts; interface engines read nothing here.
 */
class RoleMatrixIT extends RunningAlertingService {

    private static final Map<String, String> PASSWORDS =
            Map.of("INTEGRATION", INTEGRATION_PASSWORD, "CLINICIAN", CLINICIAN_PASSWORD, "OPERATOR", OPERATOR_PASSWORD);

    private final RoleMatrix matrix =
            RoleMatrix.read(RoleMatrixIT.class.getResourceAsStream("/security/role-matrix.csv"));

    @Test
    void everyRouteOfTheApiDescriptionIsInTheMatrix() throws Exception {
        assertThat(matrix.routes()).containsAll(RoleMatrix.describedBy(baseUrl(), OPERATOR_PASSWORD));
    }

    @Test
    void everyCallerIsAnsweredAsTheMatrixSays() {
        assertThat(matrix.walk(baseUrl(), PASSWORDS)).isEmpty();
    }
}
