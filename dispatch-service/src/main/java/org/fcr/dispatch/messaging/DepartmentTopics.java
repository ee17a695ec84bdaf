package org.fcr.dispatch.messaging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fcr.events.DispatchOrder;
import org.fcr.schemas.Topic;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.KafkaSupportConfiguration;
import org.fcr.support.kafka.KafkaTopicProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * A department's work queue {@code fcr.dispatch.<dept>} is created the first time something is
 * dispatched to it (departments are data, not configuration), with the platform's partition count.
 */
@Component
public class DepartmentTopics {

    private final KafkaAdmin admin;
    private final KafkaTopicProperties settings;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public DepartmentTopics(KafkaAdmin admin, KafkaTopicProperties settings) {
        this.admin = admin;
        this.settings = settings;
    }

    /** Whether the topic is known to exist (then {@link #ensure} does not block). */
    public boolean isKnown(String department) {
        return known.contains(Topics.dispatchFor(department).name());
    }

    /** Blocking (admin client) the first time per department: call off the event loop unless known. */
    public Topic<String, DispatchOrder> ensure(String department) {
        Topic<String, DispatchOrder> topic = Topics.dispatchFor(department);
        if (known.add(topic.name())) {
            try {
                admin.createOrModifyTopics(KafkaSupportConfiguration.newTopic(topic.name(), settings));
            } catch (RuntimeException e) {
                known.remove(topic.name());
                throw e;
            }
        }
        return topic;
    }
}
