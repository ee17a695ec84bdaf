package org.fcr.dispatch.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fcr.events.Accepted;
import org.fcr.events.Acknowledged;
import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.DispatchRequested;
import org.fcr.events.Forwarded;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.events.Returned;
import org.fcr.schemas.EventFixtures;
import org.fcr.schemas.Topics;

/** Request events as intake writes them, and a plain producer to put them (or garbage) on fcr.requests. */
public final class RequestEvents {

    private RequestEvents() {
    }

    public static RequestEvent event(String requestId, long sequence, RequestEventType type, Category category,
                                     String subcategory, Instant at, Object payload) {
        RequestContext context = EventFixtures.context(category);
        context.setSubcategory(subcategory);
        return RequestEvent.newBuilder()
                .setEventId(requestId + "-" + sequence)
                .setRequestId(requestId)
                .setSequence(sequence)
                .setType(type)
                .setOccurredAt(at)
                .setActor(EventFixtures.actor("desk01", "王芳", "DESK"))
                .setContext(context)
                .setPayload(payload)
                .build();
    }

    public static RequestEvent accepted(String requestId, Category category, String subcategory, Instant at) {
        return event(requestId, 1, RequestEventType.ACCEPTED, category, subcategory, at,
                Accepted.newBuilder().setReceivedAt(at).setDescription("厨房水管漏水").build());
    }

    public static RequestEvent dispatchRequested(String requestId, long sequence, Category category, String subcategory, Instant at) {
        return event(requestId, sequence, RequestEventType.DISPATCH_REQUESTED, category, subcategory, at,
                DispatchRequested.newBuilder().build());
    }

    public static RequestEvent returned(String requestId, long sequence, Category category, Instant at,
                                        String department, String suggested) {
        return event(requestId, sequence, RequestEventType.RETURNED, category, null, at,
                Returned.newBuilder().setDepartment(department).setReason("不属于本部门职责").setSuggestedDepartment(suggested).build());
    }

    public static RequestEvent forwarded(String requestId, long sequence, Category category, Instant at, String from, String to) {
        return event(requestId, sequence, RequestEventType.FORWARDED, category, null, at,
                Forwarded.newBuilder().setFromDepartment(from).setToDepartment(to).setReason("转派").build());
    }

    public static RequestEvent acknowledged(String requestId, long sequence, Category category, Instant at, Actor handler) {
        return event(requestId, sequence, RequestEventType.ACKNOWLEDGED, category, null, at,
                Acknowledged.newBuilder().setHandler(handler).build());
    }

    public static RequestEvent completed(String requestId, long sequence, Category category, Instant at) {
        return event(requestId, sequence, RequestEventType.COMPLETED, category, null, at,
                org.fcr.events.Completed.newBuilder().setResult("已处理").build());
    }

    public static void send(String bootstrap, RequestEvent... events) {
        try (var producer = producer(bootstrap)) {
            for (RequestEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), event.getRequestId(),
                        Topics.REQUESTS.valueSerde().serializer().serialize(Topics.REQUESTS.name(), event))).get();
            }
        } catch (Exception e) {
            throw new AssertionError("Cannot send request events", e);
        }
    }

    public static void sendRaw(String bootstrap, String key, byte[] value) {
        try (var producer = producer(bootstrap)) {
            producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("Cannot send raw bytes", e);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"));
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
