package org.fcr.support.test;

import java.net.InetSocketAddress;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A real KRaft Kafka broker and a real MongoDB wire-protocol server, started once per test JVM on
 * ephemeral ports (never the run command's fixed ports) and shared by every Spring test context.
 * Use from a test class:
 * <pre>
 * &#64;DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) { TestInfrastructure.register(registry); }
 * </pre>
 */
public final class TestInfrastructure {

    /** Password of every demo user in tests. */
    public static final String PASSWORD = "test-password";

    private static EmbeddedKafkaKraftBroker broker;
    private static MongoServer mongo;
    private static String mongoUri;

    private TestInfrastructure() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("offsets.topic.replication.factor", "1");
            broker.brokerProperty("transaction.state.log.replication.factor", "1");
            broker.brokerProperty("transaction.state.log.min.isr", "1");
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        }
        return broker.getBrokersAsString();
    }

    public static synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongo.bind();
            mongoUri = "mongodb://127.0.0.1:" + address.getPort() + "/";
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        return mongoUri + database;
    }

    /** Points a Spring test context at the shared broker and a database of its own. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongoUri(database));
        registry.add("fcr.security.demo-password", () -> PASSWORD);
    }
}
