package org.toxwatch.ingest.config;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.micrometer.core.instrument.MeterRegistry;
import javax.net.ServerSocketFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.toxwatch.ingest.adapter.hl7.Hl7MessageHandler;
import org.toxwatch.ingest.adapter.hl7.Hl7Replay;
import org.toxwatch.ingest.adapter.hl7.MllpPeers;
import org.toxwatch.ingest.adapter.hl7.MllpServer;
import org.toxwatch.ingest.adapter.metrics.MicrometerIngestMonitor;
import org.toxwatch.ingest.application.IngestMonitor;
import org.toxwatch.ingest.application.RecordClinicalEvents;

@Configuration(proxyBeanMethods = false)
class Hl7Configuration {

    /**
     * Every supported version (2.3 to 2.8) is parsed into the v2.5.1 structures, so one reader serves all.
     * HAPI's own validation is off: ToxWatch's validator reports every problem with its location instead of
     * HAPI's first.
     */
    @Bean
    HapiContext hapiContext() {
        var context = new DefaultHapiContext();
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        return context;
    }

    @Bean
    Hl7MessageHandler hl7MessageHandler(
            HapiContext hapiContext,
            RecordClinicalEvents recordClinicalEvents,
            MllpProperties properties,
            IngestProperties ingest,
            IngestMonitor metrics) {
        return new Hl7MessageHandler(
                hapiContext.getPipeParser(),
                recordClinicalEvents,
                properties.hospitalTimeZone(),
                ingest.hl7().patientIdentity(),
                metrics);
    }

    @Bean
    Hl7Replay hl7Replay(Hl7MessageHandler handler) {
        return new Hl7Replay(handler);
    }

    @Bean
    @ConditionalOnProperty(name = "toxwatch.ingest.mllp.enabled", havingValue = "true", matchIfMissing = true)
    MllpServer mllpServer(MllpProperties properties, Hl7MessageHandler handler, SslBundles sslBundles) {
        ServerSocketFactory sockets = properties.sslBundle() == null
                ? ServerSocketFactory.getDefault()
                : new MllpTlsSockets(
                        sslBundles
                                .getBundle(properties.sslBundle())
                                .createSslContext()
                                .getServerSocketFactory(),
                        properties.requireClientCertificate());
        return new MllpServer(
                new MllpServer.Settings(
                        properties.host(),
                        properties.port(),
                        properties.maxConnections(),
                        properties.maxMessageBytes(),
                        properties.idleTimeout(),
                        properties.frameTimeout(),
                        properties.charset(),
                        MllpPeers.of(
                                properties.allowedSubjects(),
                                properties.allowedAddresses(),
                                properties.senderSubjects(),
                                properties.senderAddresses())),
                sockets,
                handler);
    }

    @Bean
    IngestMonitor ingestMonitor(MeterRegistry registry) {
        return new MicrometerIngestMonitor(registry);
    }
}
