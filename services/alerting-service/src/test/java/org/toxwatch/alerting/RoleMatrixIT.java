package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.toxwatch.testinfrastructure.RoleMatrix;
import tools.jackson.databind.json.JsonMapper;

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
        assertThat(matrix.routes()).containsAll(described());
    }

    @Test
    void everyCallerIsAnsweredAsTheMatrixSays() {
        assertThat(matrix.walk(baseUrl(), PASSWORDS)).isEmpty();
    }

    private Set<RoleMatrix.Route> described() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/v3/api-docs"))
                                .header("Authorization", WebhookDeliveryIT.basic("operator", OPERATOR_PASSWORD))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var routes = new TreeSet<RoleMatrix.Route>();
        JsonMapper.builder()
                .build()
                .readTree(response.body())
                .get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> routes.add(new RoleMatrix.Route(method, path.getKey()))));
        assertThat(routes).isNotEmpty();
        return routes;
    }
}
