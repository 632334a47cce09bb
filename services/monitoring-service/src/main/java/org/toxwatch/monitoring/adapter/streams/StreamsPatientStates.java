package org.toxwatch.monitoring.adapter.streams;

import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.toxwatch.monitoring.application.PatientStates;
import org.toxwatch.monitoring.domain.PatientState;

/**
 * Patient states in the topology's store, found with Kafka Streams interactive queries: the instance whose
 * partition holds the patient answers; any other instance names it ({@code application.server}).
 */
public final class StreamsPatientStates implements PatientStates {

    private final StreamsBuilderFactoryBean streams;
    private final HostInfo self;

    public StreamsPatientStates(StreamsBuilderFactoryBean streams, String applicationServer) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
    }

    @Override
    public Location locate(String patientId) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            throw new StateUnavailable("the grading topology is not running yet", null);
        }
        KeyQueryMetadata metadata = kafkaStreams.queryMetadataForKey(
                MonitoringTopology.PATIENT_STATE_STORE, patientId, new StringSerializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new StateUnavailable("the patient's partition is not assigned right now", null);
        }
        HostInfo owner = metadata.activeHost();
        if (!owner.equals(self)) {
            return new Location.Elsewhere(owner.host() + ":" + owner.port());
        }
        try {
            ReadOnlyKeyValueStore<String, PatientState> store = kafkaStreams.store(StoreQueryParameters.fromNameAndType(
                    MonitoringTopology.PATIENT_STATE_STORE, QueryableStoreTypes.<String, PatientState>keyValueStore()));
            return new Location.Here(Optional.ofNullable(store.get(patientId)));
        } catch (InvalidStateStoreException e) {
            throw new StateUnavailable("the patient state store is migrating", e);
        }
    }
}
