package org.fcr.sla.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.fcr.sla.domain.RequestClock;
import org.fcr.sla.messaging.SlaStreams;
import org.fcr.sla.messaging.SlaStores;
import org.springframework.http.HttpStatus;
import org.fcr.support.problem.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Reads the engine's own stores (interactive queries): a request's clocks by id, a department's
 * requests through the by-department listing (a prefix scan, never a scan of all requests). One
 * instance holds all partitions in the embedded default; with several instances each answers for
 * its own partitions (see NOTES.md).
 */
@Component
public class OpenStages {

    private final SlaStreams streams;

    public OpenStages(SlaStreams streams) {
        this.streams = streams;
    }

    public Optional<RequestClock> ofRequest(String requestId) {
        return Optional.ofNullable(clocks().get(requestId));
    }

    public List<RequestClock> ofDepartment(String department, int limit) {
        ReadOnlyKeyValueStore<String, byte[]> listing = store(SlaStores.BY_DEPARTMENT);
        ReadOnlyKeyValueStore<String, RequestClock> clocks = clocks();
        List<RequestClock> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = listing.prefixScan(department + "|", new StringSerializer())) {
            while (it.hasNext() && found.size() < limit) {
                String key = it.next().key;
                RequestClock clock = clocks.get(key.substring(department.length() + 1));
                if (clock != null && !clock.open().isEmpty()) {
                    found.add(clock);
                }
            }
        }
        return found;
    }

    private ReadOnlyKeyValueStore<String, RequestClock> clocks() {
        return store(SlaStores.CLOCKS);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        KafkaStreams running = streams.streams();
        if (running == null || running.state() != KafkaStreams.State.RUNNING) {
            throw notReady();
        }
        try {
            return running.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw notReady();
        }
    }

    private static ApiProblem notReady() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "sla-not-ready",
                "The SLA engine is restoring its state; try again in a few seconds");
    }
}
