package org.toxwatch.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.platform.web.BrowserSessionSecurityTest.basic;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Password guessing over HTTP Basic against the platform's sign-in: after three failures (this test's setting) the
 * right password is refused too, with the answer a wrong one gets, and an account nobody has is treated the same.
 */
@SpringBootTest(
        classes = SecuredApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=throttle-test",
            "spring.kafka.admin.auto-create=false",
            "toxwatch.security.credentials-file=target/login-throttling-test-credentials",
            "TOXWATCH_BOOTSTRAP_CLINICIAN_PASSWORD=throttle-test-clinician",
            "TOXWATCH_BOOTSTRAP_OPERATOR_PASSWORD=throttle-test-operator",
            "TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD=throttle-test-integration",
            "toxwatch.security.login.delay-after=3",
            "toxwatch.security.login.first-delay=1h",
            "toxwatch.security.login.lock-after=8",
            "toxwatch.security.login.lock-for=2h"
        })
class LoginThrottlingTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void guessingIsSlowedForKnownAndUnknownAccountsAlikeAndCountedWithoutNamingThem() throws Exception {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            var wrongPassword = call("operator", "guess");
            var unknownAccount = call("nobody-" + System.nanoTime(), "guess");
            assertThat(wrongPassword.statusCode()).isEqualTo(401);
            assertThat(unknownAccount.statusCode()).isEqualTo(401);
            assertThat(withoutTime(unknownAccount.body())).isEqualTo(withoutTime(wrongPassword.body()));
            assertThat(unknownAccount.headers().firstValue("WWW-Authenticate"))
                    .isEqualTo(wrongPassword.headers().firstValue("WWW-Authenticate"));

            for (int i = 0; i < 3; i++) {
                assertThat(call("clinician", "guess-" + i).statusCode()).isEqualTo(401);
            }
            var rightPasswordTooSoon = call("clinician", "throttle-test-clinician");

            assertThat(rightPasswordTooSoon.statusCode()).isEqualTo(401);
            assertThat(withoutTime(rightPasswordTooSoon.body())).isEqualTo(withoutTime(wrongPassword.body()));
        } finally {
            root.detachAppender(appender);
        }

        assertThat(meters.get("toxwatch.security.login.failures")
                        .tag("reason", "bad-credentials")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(3);
        assertThat(meters.get("toxwatch.security.login.failures")
                        .tag("reason", "throttled")
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.find("toxwatch.security.login.failures").meters())
                .allSatisfy(meter -> assertThat(meter.getId().getTags())
                        .noneSatisfy(tag -> assertThat(tag.getValue()).contains("clinician")));
        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("Sign-in delayed after repeated failures"))
                .noneSatisfy(line -> assertThat(line).contains("clinician"))
                .noneSatisfy(line -> assertThat(line).contains("nobody-"))
                .noneSatisfy(line -> assertThat(line).contains("guess"));
    }

    private static String withoutTime(String body) {
        return body.replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    private HttpResponse<String> call(String user, String password) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/things"))
                        .header("Authorization", basic(user, password))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
