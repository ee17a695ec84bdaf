package org.fcr.notification.messaging;

import org.fcr.events.DispatchDecision;
import org.fcr.events.RequestEvent;
import org.fcr.events.ScoreEntry;
import org.fcr.events.SlaEvent;
import org.fcr.notification.config.NotificationProperties;
import org.fcr.notification.delivery.NotificationIntake;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.ListenerFactories;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** One typed listener container factory per consumed topic (serdes and dead letters from the registry). */
@Configuration(proxyBeanMethods = false)
public class ListenerConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, RequestEvent> requestsListenerFactory(ListenerFactories f) {
        return f.forBatchesOf(Topics.REQUESTS);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SlaEvent> slaListenerFactory(ListenerFactories f) {
        return f.forBatchesOf(Topics.SLA);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, ScoreEntry> scoresListenerFactory(ListenerFactories f) {
        return f.forTopic(Topics.SCORES);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, DispatchDecision> decisionsListenerFactory(ListenerFactories f) {
        return f.forTopic(Topics.DISPATCH_DECISIONS);
    }

    @Bean
    EventTranslator eventTranslator(NotificationProperties settings) {
        return new EventTranslator(settings.appealDays());
    }

    @Bean
    EventListeners eventListeners(EventTranslator translator, NotificationIntake intake) {
        return new EventListeners(translator, intake);
    }
}
