package org.toxwatch.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CSRF, cookies and browser headers of the platform's security, over real HTTP on Tomcat: a console session
 * always needs its CSRF token, whatever Authorization header rides along; only valid Basic credentials exempt a
 * request.
 */
@SpringBootTest(
        classes = SecuredApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=secured-test",
            "spring.kafka.admin.auto-create=false",
            "toxwatch.security.credentials-file=target/browser-session-test-credentials",
            "TOXWATCH_BOOTSTRAP_CLINICIAN_PASSWORD=session-test-clinician",
            "TOXWATCH_BOOTSTRAP_OPERATOR_PASSWORD=session-test-operator",
            "TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD=session-test-integration"
        })
class BrowserSessionSecurityTest {

    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private HttpClient browser;
    private HttpResponse<String> signIn;

    @BeforeEach
    void signInAsAClinicianThroughTheForm() throws Exception {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var loginPage = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString());
        var token = LOGIN_TOKEN.matcher(loginPage.body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=clinician&password=session-test-clinician&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        signIn = browser.send(
                request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    @Test
    void aSessionPostWithoutTheTokenIsRefused() throws Exception {
        assertThat(post(request("/api/things")).statusCode()).isEqualTo(403);
    }

    @Test
    void aSessionPostCarryingAnUnverifiedBearerHeaderIsRefusedNotExempted() throws Exception {
        assertThat(post(request("/api/things").header("Authorization", "Bearer junk"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(request("/api/things").header("Authorization", "Basic")).statusCode())
                .isEqualTo(401);
        assertThat(post(request("/api/things").header("Authorization", "Digest x"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aSessionPostWithWrongBasicCredentialsIsRefused() throws Exception {
        assertThat(post(request("/api/things").header("Authorization", basic("clinician", "wrong")))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aSessionPostWithItsTokenGoesThrough() throws Exception {
        String token = browser.send(get("/api/csrf").build(), HttpResponse.BodyHandlers.ofString())
                .body();

        var answer = post(request("/api/things").header("X-CSRF-TOKEN", token));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("acknowledged");
    }

    @Test
    void validBasicCredentialsWithoutASessionNeedNoToken() throws Exception {
        var answer = HttpClient.newHttpClient()
                .send(
                        request("/api/things")
                                .header("Authorization", basic("clinician", "session-test-clinician"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotReadableAcrossSites() {
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void everyAnswerCarriesTheBrowserHardeningHeaders() throws Exception {
        var answer = browser.send(get("/api/things").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline")
                        .doesNotContain("unsafe-eval"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                .as("HSTS only over TLS")
                .isEmpty();
    }

    @Test
    void aRouteNoRuleNamesIsRefusedEvenToASignedInUser() throws Exception {
        assertThat(browser.send(get("/unnamed").build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> post(HttpRequest.Builder request) throws Exception {
        return browser.send(
                request.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
