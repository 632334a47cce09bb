package org.toxwatch.ingest.config;

import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.toxwatch.ingest.adapter.kafka.KafkaEventPublisher;
import org.toxwatch.ingest.adapter.mongo.ArchiveExpiry;
import org.toxwatch.ingest.adapter.mongo.MongoCodeMappingAudit;
import org.toxwatch.ingest.adapter.mongo.MongoInboundArchive;
import org.toxwatch.ingest.adapter.mongo.MongoLocalCodeStore;
import org.toxwatch.ingest.application.CodeMappingAudit;
import org.toxwatch.ingest.application.MapLocalCode;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.ReplayRejectedMessage;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.model.Topics;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IngestConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoInboundArchive inboundArchive(MongoTemplate mongoTemplate, IngestProperties properties) {
        return new MongoInboundArchive(mongoTemplate, properties.archive().claimExpiry());
    }

    @Bean
    LocalCodes localCodes(IngestProperties properties) {
        return new LocalCodes(properties.localCodes(), properties.ignoreUnknownCodesFrom());
    }

    @Bean
    MongoLocalCodeStore localCodeStore(MongoTemplate mongoTemplate, LocalCodes localCodes) {
        return new MongoLocalCodeStore(mongoTemplate, localCodes);
    }

    @Bean
    CodeMappingAudit codeMappingAudit(MongoTemplate mongoTemplate) {
        return new MongoCodeMappingAudit(mongoTemplate);
    }

    @Bean
    MapLocalCode mapLocalCode(
            LocalCodes localCodes, MongoLocalCodeStore localCodeStore, CodeMappingAudit codeMappingAudit, Clock clock) {
        return new MapLocalCode(localCodes, localCodeStore, codeMappingAudit, clock);
    }

    @Bean
    RecordClinicalEvents recordClinicalEvents(
            IngestProperties properties,
            KafkaTemplate<String, Object> kafkaTemplate,
            MongoInboundArchive inboundArchive,
            LocalCodes localCodes,
            Clock clock) {
        return new RecordClinicalEvents(
                new ObservationValidator(properties.allowedClockSkew()),
                new TherapyEvents(properties.allowedClockSkew()),
                localCodes,
                new KafkaEventPublisher(kafkaTemplate, properties.kafkaAckTimeout()),
                inboundArchive,
                clock);
    }

    @Bean
    ReplayRejectedMessage replayRejectedMessage(
            MongoInboundArchive inboundArchive, List<ReplayRejectedMessage.ProtocolReplay> replays, Clock clock) {
        return new ReplayRejectedMessage(inboundArchive, replays, clock);
    }

    @Bean
    ArchiveExpiry archiveExpiry(MongoInboundArchive inboundArchive, IngestProperties properties, Clock clock) {
        return new ArchiveExpiry(inboundArchive, properties.archive().retention(), clock);
    }

    @Bean
    KafkaAdmin.NewTopics ingestTopics(IngestProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.LAB_RESULTS, properties),
                topic(Topics.VITAL_SIGNS, properties),
                topic(Topics.THERAPY_EVENTS, properties),
                topic(Topics.NEURO_ASSESSMENTS, properties),
                topic(Topics.NEURO_ASSESSMENTS_DLT, properties),
                topic(Topics.LAB_RESULTS_DLT, properties),
                topic(Topics.VITAL_SIGNS_DLT, properties),
                topic(Topics.THERAPY_EVENTS_DLT, properties),
                topic(Topics.CLINICAL_FINDINGS, properties),
                topic(Topics.CLINICAL_FINDINGS_DLT, properties),
                topic(Topics.DOSE_PLANS, properties),
                topic(Topics.DOSE_PLANS_DLT, properties),
                // The latest details of each patient are a state, kept by compaction (Topics.COMPACTED).
                TopicBuilder.name(Topics.PATIENTS)
                        .partitions(properties.topicPartitions())
                        .compact()
                        .build(),
                topic(Topics.PATIENTS_DLT, properties));
    }

    private static NewTopic topic(String name, IngestProperties properties) {
        return TopicBuilder.name(name).partitions(properties.topicPartitions()).build();
    }
}
