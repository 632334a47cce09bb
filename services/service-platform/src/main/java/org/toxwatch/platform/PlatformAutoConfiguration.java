package org.toxwatch.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Wiring every ToxWatch service gets by depending on the platform module. */
@AutoConfiguration(
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties({ToxWatchSecurityProperties.class, LoginThrottleProperties.class})
public class PlatformAutoConfiguration {

    static {
        RecordLogFormat.install();
    }

    /**
     * BCrypt at cost 4: HTTP Basic checks the password on every request, and the local passwords are random
     * 144-bit strings, so a high cost would slow every integration call without adding protection.
     */
    @Bean
    @ConditionalOnProperty(name = "toxwatch.security.mode", havingValue = "local", matchIfMissing = true)
    PasswordEncoder bootstrapPasswordEncoder() {
        return new BCryptPasswordEncoder(4);
    }

    @Bean
    @ConditionalOnProperty(name = "toxwatch.security.mode", havingValue = "local", matchIfMissing = true)
    UserDetailsService bootstrapUsers(
            ToxWatchSecurityProperties properties, Environment environment, PasswordEncoder encoder) {
        var credentials = BootstrapCredentials.resolve(environment::getProperty, properties.credentialsFile());
        if (credentials.generated()) {
            System.out.println("[toxwatch] generated local-run passwords (also in "
                    + properties.credentialsFile().toAbsolutePath() + "):");
            credentials
                    .passwordByUser()
                    .forEach((user, password) -> System.out.println("  " + user + " / " + password));
        }
        var users = new InMemoryUserDetailsManager();
        credentials
                .passwordByUser()
                .forEach((user, password) -> users.createUser(User.withUsername(user)
                        .password(encoder.encode(password))
                        .roles(BootstrapCredentials.roleOf(user))
                        .build()));
        return users;
    }

    @Bean
    @ConditionalOnProperty(name = "toxwatch.security.mode", havingValue = "local", matchIfMissing = true)
    LoginThrottle loginThrottle(LoginThrottleProperties settings) {
        return new LoginThrottle(settings, Clock.systemUTC());
    }

    /**
     * The console's session cookie is not sent on cross-site requests (a second line of defence behind CSRF
     * tokens). Tomcat already marks it HttpOnly, and Secure whenever the request came over TLS (behind a proxy,
     * with {@code server.forward-headers-strategy} set).
     */
    @Bean
    CookieSameSiteSupplier sessionCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }

    /** A service started by the launcher exits (gracefully, through the shutdown hooks) when the launcher dies. */
    @Bean
    @ConditionalOnProperty(name = ParentProcessWatch.PARENT_PID)
    ApplicationRunner parentProcessWatch(Environment environment) {
        return arguments -> ParentProcessWatch.watch(
                environment.getRequiredProperty(ParentProcessWatch.PARENT_PID), () -> System.exit(0));
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag(@Value("${spring.application.name}") String application) {
        return registry -> registry.config().commonTags("application", application);
    }

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    /** Replaces Boot's MongoDB health indicator (named {@code mongo}) in the services that use MongoDB. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    static class MongoHealth {

        private static final Logger settingsLog = LoggerFactory.getLogger(SettingsAudit.class);

        @Bean
        @ConditionalOnMissingBean(name = "mongoHealthIndicator")
        MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
            return new MongoPingHealthIndicator(mongoTemplate);
        }

        @Bean
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        SettingsChangesController settingsChangesController(MongoTemplate mongoTemplate, Environment environment) {
            return new SettingsChangesController(
                    new SettingsAudit(mongoTemplate), environment.getProperty("spring.application.name", "toxwatch"));
        }

        /**
         * Audits the settings this start runs with against the last recorded start (README, "Audit of changes").
         * In the background and forgiving: a store that is down at start delays the entry to a later start rather
         * than the service.
         */
        @Bean
        ApplicationRunner settingsAuditAtStart(
                ObjectProvider<MongoTemplate> mongoTemplate, ConfigurableEnvironment environment) {
            return arguments -> {
                MongoTemplate mongo = mongoTemplate.getIfAvailable();
                if (mongo == null) {
                    return;
                }
                String service = environment.getProperty("spring.application.name", "toxwatch");
                var settings = SettingsAudit.settingsOf(environment);
                String actor = System.getProperty("user.name", "unknown");
                Thread.ofVirtual().name("settings-audit").start(() -> {
                    try {
                        var changes = new SettingsAudit(mongo).recordStart(service, settings, actor, Instant.now());
                        if (!changes.isEmpty()) {
                            settingsLog.info(
                                    "Settings changed since the last recorded start: {} (see {})",
                                    changes.stream()
                                            .map(SettingsAudit.Change::name)
                                            .toList(),
                                    SettingsAudit.COLLECTION);
                        }
                    } catch (RuntimeException e) {
                        settingsLog.warn(
                                "Settings audit not recorded at this start: {}",
                                e.getClass().getSimpleName());
                    }
                });
            };
        }
    }
}
