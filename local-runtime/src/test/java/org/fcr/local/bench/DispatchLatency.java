package org.fcr.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fcr.events.Accepted;
import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.Customer;
import org.fcr.events.DispatchOrder;
import org.fcr.events.DispatchRequested;
import org.fcr.events.RegisterType;
import org.fcr.events.Registered;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.local.KafkaBroker;
import org.fcr.local.MongoStore;
import org.fcr.local.Ports;
import org.fcr.local.ServiceProcesses;
import org.fcr.local.ServiceSpec;
import org.fcr.schemas.AvroSerde;
import org.fcr.schemas.Topics;

/**
 * Not a test: dispatch alone, request events → department topic. Starts the broker and the store
 * (as the run command has them) and dispatch as a process, writes ACCEPTED, REGISTERED and
 * DISPATCH_REQUESTED of each request in one go (as intake does) at a fixed rate (open loop), and
 * reads every department topic; a request's latency runs from the moment its events were handed
 * to the producer to the moment its order was read. Args: RATE SECONDS [WARMUP_SECONDS].
 * {@link DepartmentLatency} measures the whole path through intake.
 */
public final class DispatchLatency {

    private static final AvroSerde<RequestEvent> EVENTS = AvroSerde.of(RequestEvent.class);
    private static final Actor DESK = Actor.newBuilder().setEmployeeId("desk01").setName("王芳").setRole("DESK").setRank(2).build();

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path data = Files.createTempDirectory("fcr-dispatch-latency");
        try (KafkaBroker kafka = new KafkaBroker(data.resolve("kafka"), Ports.free(), Ports.free());
             MongoStore mongo = new MongoStore(data.resolve("mongo").resolve("fcr.mv"), "localhost", Ports.free())) {
            kafka.start();
            mongo.start();
            try (ServiceProcesses services = new ServiceProcesses(Path.of("..").toAbsolutePath().normalize(), data.resolve("logs"),
                    ServiceProcesses.environment(kafka, mongo, LatencyStack.PASSWORD, data), ServiceProcesses::runCommandOptions)) {
                for (ServiceSpec spec : ServiceSpec.defaults()) {
                    if (spec.module().equals("dispatch-service")) {
                        services.start(spec.onPort(Ports.free()), List.of(System.getProperty("fcr.bench.dispatch-args", "--fcr.dispatch.consumers=1")));
                    }
                }
                services.awaitHealthy(Duration.ofSeconds(180));
                System.out.println("dispatch up; logs in " + data.resolve("logs"));
                measure(kafka.bootstrapServers(), rate, seconds, warmup);
            }
        }
    }

    private static void measure(String bootstrap, int rate, int seconds, int warmup) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        DispatchLatency measured = new DispatchLatency();
        OrderArrivals arrivals = new OrderArrivals(bootstrap, DispatchOrder::getRequestId);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("linger.ms", "1");
        try (arrivals; var producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            System.out.printf("warm-up: %d req/s for %d s …%n", rate, warmup);
            new DispatchLatency().send(producer, rate, warmup, "w" + run);
            Thread.sleep(3000);
            System.out.printf("measuring: %d req/s for %d s%n", rate, seconds);
            measured.send(producer, rate, seconds, "m" + run);
            producer.flush();
            Thread.sleep(5000);
        }
        measured.report(rate, arrivals);
    }

    private void send(KafkaProducer<String, byte[]> producer, int rate, int seconds, String prefix) throws InterruptedException {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < rate * seconds; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String id = prefix + "-" + i;
            Instant now = Instant.now();
            sentAt.put(id, System.nanoTime());
            send(producer, event(id, 1, RequestEventType.ACCEPTED, now,
                    Accepted.newBuilder().setReceivedAt(now).setDescription("厨房水管漏水").build()));
            send(producer, event(id, 2, RequestEventType.REGISTERED, now, Registered.newBuilder().setRegister(RegisterType.REPAIR).build()));
            send(producer, event(id, 3, RequestEventType.DISPATCH_REQUESTED, now, DispatchRequested.newBuilder().build()));
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, RequestEvent event) {
        producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), event.getRequestId(), EVENTS.toBytes(event)));
    }

    private static RequestEvent event(String id, long sequence, RequestEventType type, Instant at, Object payload) {
        RequestContext context = RequestContext.newBuilder().setCategory(Category.FAULT_REPAIR).setSubcategory("水电")
                .setFirstResponder(DESK)
                .setCustomer(Customer.newBuilder().setName("李先生").setUnit("3-2-501").setPhone("13800138000").build())
                .build();
        return RequestEvent.newBuilder().setEventId(id + "-" + sequence).setRequestId(id).setSequence(sequence)
                .setType(type).setOccurredAt(at).setActor(DESK).setContext(context).setPayload(payload).build();
    }

    private void report(int rate, OrderArrivals arrivals) {
        List<Double> latencies = arrivals.latencies(sentAt);
        System.out.printf("dispatch alone at %d req/s: %d of %d orders read; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                rate, latencies.size(), sentAt.size(), OrderArrivals.percentile(latencies, 0.50),
                OrderArrivals.percentile(latencies, 0.99), OrderArrivals.max(latencies));
    }
}
