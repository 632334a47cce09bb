package org.toxwatch.alerting.console.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.toxwatch.alerting.console.adapter.live.LiveAlertFeed;

/**
 * The clinician console: static pages under {@code /console/}, which is also where {@code /} leads, the views of
 * alerts and patients they read (and interoperability systems read as FHIR and CDS Hooks), and the live feed.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

    @Bean
    LiveAlertFeed liveAlertFeed() {
        return new LiveAlertFeed();
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }
}
