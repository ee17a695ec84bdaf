package org.fcr.intake.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.TopicPartition;

import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;
import org.fcr.intake.store.OpenWork;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.ListenerFactories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link OpenWork} current on every instance: each instance reads fcr.requests and fcr.sla
 * in a consumer group of its own (from the latest offset), after loading the open requests once.
 */
@Component
public class OpenWorkFeed implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(OpenWorkFeed.class);
    private static final String OWN_GROUP = "intake-open-work-#{T(java.util.UUID).randomUUID()}";

    private final OpenWork openWork;
    private final AtomicBoolean loading = new AtomicBoolean();
    private final AtomicBoolean reloading = new AtomicBoolean();

    public OpenWorkFeed(OpenWork openWork) {
        this.openWork = openWork;
    }

    @Bean
    static ConcurrentKafkaListenerContainerFactory<String, RequestEvent> requestsListenerFactory(ListenerFactories f) {
        return f.forTopic(Topics.REQUESTS);
    }

    /**
     * Loads the open requests once this instance reads fcr.requests from its end, so nothing written
     * meanwhile is missed (a state read twice keeps the newer one).
     */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        boolean requests = assignments.keySet().stream().anyMatch(p -> p.topic().equals(Topics.REQUESTS.name()));
        if (requests && loading.compareAndSet(false, true)) {
            openWork.load().subscribe(this::loaded,
                    e -> {
                        loading.set(false);
                        log.warn("Open work could not be loaded; lists read the store: {}", e.toString());
                    });
        }
    }

    /** While the open requests are more than the limit, looks again now and then whether they are fewer. */
    @Scheduled(fixedDelayString = "${fcr.intake.open-work-retry:PT10M}", initialDelayString = "${fcr.intake.open-work-retry:PT10M}")
    public void retryAfterOverflow() {
        // not on the scheduler's thread (the relay sweeper's too), and one load at a time
        if (openWork.overflowed() && reloading.compareAndSet(false, true)) {
            openWork.reloadAfterOverflow().doFinally(signal -> reloading.set(false)).subscribe(this::loaded,
                    e -> log.warn("Open work could not be loaded again; lists read the store: {}", e.toString()));
        }
    }

    private void loaded(int lines) {
        if (openWork.overflowed()) {
            log.warn("Open work not held: more than {} open requests; the lists read the store", openWork.limit());
        } else {
            log.info("Open work loaded: {} open requests", lines);
        }
    }

    @KafkaListener(topics = "fcr.requests", groupId = OWN_GROUP, containerFactory = "requestsListenerFactory",
            properties = "auto.offset.reset=latest")
    public void onRequestEvent(RequestEvent event) {
        if (!openWork.apply(event)) {
            openWork.reload(event.getRequestId()).block(Duration.ofSeconds(30));
        }
    }

    @KafkaListener(topics = "fcr.sla", groupId = OWN_GROUP, containerFactory = "slaListenerFactory",
            properties = "auto.offset.reset=latest")
    public void onSla(SlaEvent event) {
        openWork.recordSla(event);
    }
}
