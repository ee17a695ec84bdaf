package org.fcr.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClients;

/** The run command's promise: stop, start again, and the topics, events and documents are still there. */
class EmbeddedInfrastructureTest {

    @TempDir
    Path data;

    @Test
    void kafkaKeepsTopicsAndRecordsAcrossARestart() throws Exception {
        int port = Ports.free();
        int controller = Ports.free();
        try (KafkaBroker broker = new KafkaBroker(data.resolve("kafka"), port, controller)) {
            broker.start();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("fcr.test", 3, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(producerConfig(broker), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("fcr.test", "R-1", "accepted")).get();
            }
        }
        try (KafkaBroker again = new KafkaBroker(data.resolve("kafka"), port, controller)) {
            again.start();
            assertThat(readAll(again, "fcr.test")).containsExactly("R-1=accepted");
        }
    }

    @Test
    void mongoKeepsDocumentsAcrossARestart() throws Exception {
        int port = Ports.free();
        Path file = data.resolve("mongo").resolve("fcr.mv");
        try (MongoStore store = new MongoStore(file, "localhost", port)) {
            store.start();
            try (var client = MongoClients.create(store.uri())) {
                client.getDatabase("fcr_test").getCollection("requests").insertOne(new Document("_id", "R-1").append("status", "OPEN"));
            }
        }
        try (MongoStore again = new MongoStore(file, "localhost", port)) {
            again.start();
            try (var client = MongoClients.create(again.uri())) {
                Document found = client.getDatabase("fcr_test").getCollection("requests").find(new Document("_id", "R-1")).first();
                assertThat(found).isNotNull();
                assertThat(found.getString("status")).isEqualTo("OPEN");
            }
        }
    }

    @Test
    void aSecondStartOnTheSameDataFolderIsRefused() throws Exception {
        try (RunLock first = RunLock.tryAcquire(data).orElseThrow()) {
            assertThat(RunLock.tryAcquire(data)).isEmpty();
            assertThat(RunLock.holder(data)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(RunLock.tryAcquire(data)).isPresent();
    }

    private static Properties producerConfig(KafkaBroker broker) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("acks", "all");
        return p;
    }

    private static List<String> readAll(KafkaBroker broker, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("group.id", "restart-check");
        p.put("auto.offset.reset", "earliest");
        List<String> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long until = System.currentTimeMillis() + 20_000;
            while (seen.isEmpty() && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.key() + "=" + r.value());
                }
            }
        }
        return seen;
    }
}
