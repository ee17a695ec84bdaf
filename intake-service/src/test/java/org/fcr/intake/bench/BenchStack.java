package org.fcr.intake.bench;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fcr.intake.IntakeApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * For bench/accept-benchmark.sh only (not a test): intake on a real KRaft broker and
 * mongo-java-server with its H2 backend in a temporary folder, as the embedded default runs.
 */
public final class BenchStack {

    private BenchStack() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("intake-bench");
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("offsets.topic.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new H2Backend(new MVStore.Builder().fileName(data.resolve("mongo.mv").toString())
                .cacheSize(Integer.getInteger("fcr.bench.cache-mb", 16))
                .autoCompactFillRate(Integer.getInteger("fcr.bench.compact-fill", 90)).open()));
        InetSocketAddress address = mongo.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            broker.destroy();
        }));
        var context = SpringApplication.run(IntakeApplication.class,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort() + "/fcr_intake",
                "--fcr.security.demo-password=bench-password",
                "--fcr.intake.repair-on-start=false",
                "--server.port=0",
                "--logging.level.root=WARN");
        String port = context.getEnvironment().getProperty("local.server.port");
        System.out.println("INTAKE_URL=http://localhost:" + port);
    }
}
