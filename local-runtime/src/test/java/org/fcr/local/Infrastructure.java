package org.fcr.local;

import java.nio.file.Path;

/**
 * Where the services find the broker and the store: inside the test's JVM (as the run command has
 * them), or as processes of their own that a test can kill -9 and start again.
 */
interface Infrastructure extends AutoCloseable {

    String bootstrapServers();

    String mongoUri();

    @Override
    void close();

    /** The run command's way: broker and store in this JVM. */
    static Infrastructure inProcess(Path data) throws Exception {
        KafkaBroker kafka = new KafkaBroker(data.resolve("kafka"), Ports.free(), Ports.free());
        MongoStore mongo = new MongoStore(data.resolve("mongo").resolve("fcr.mv"), "localhost", Ports.free());
        kafka.start();
        mongo.start();
        return new Infrastructure() {
            @Override
            public String bootstrapServers() {
                return kafka.bootstrapServers();
            }

            @Override
            public String mongoUri() {
                return mongo.uri();
            }

            @Override
            public void close() {
                mongo.close();
                kafka.close();
            }
        };
    }

    /** Broker and store as processes of their own. */
    static Processes asProcesses(Path data) throws Exception {
        InfrastructureChild broker = InfrastructureChild.broker(data);
        try {
            return new Processes(broker, InfrastructureChild.store(data));
        } catch (Exception e) {
            broker.close();
            throw e;
        }
    }

    record Processes(InfrastructureChild broker, InfrastructureChild store) implements Infrastructure {

        @Override
        public String bootstrapServers() {
            return broker.address();
        }

        @Override
        public String mongoUri() {
            return store.address();
        }

        @Override
        public void close() {
            store.close();
            broker.close();
        }
    }
}
