package org.fcr.scoring.config;

import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;
import org.fcr.events.StageStats;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.ListenerFactories;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** One typed listener factory per consumed topic (its serdes, dead letters on poison records). */
@Configuration(proxyBeanMethods = false)
public class ListenerConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, RequestEvent> requestsListenerFactory(ListenerFactories factories) {
        return factories.forBatchesOf(Topics.REQUESTS);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SlaEvent> slaListenerFactory(ListenerFactories factories) {
        return factories.forBatchesOf(Topics.SLA);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, StageStats> stageStatsListenerFactory(ListenerFactories factories) {
        return factories.forTopic(Topics.STAGE_STATS);
    }
}
