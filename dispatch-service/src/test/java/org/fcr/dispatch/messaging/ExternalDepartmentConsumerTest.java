package org.fcr.dispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fcr.events.Category;
import org.fcr.events.DispatchOrder;
import org.fcr.schemas.AvroSerde;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * A department's own system reads its queue with nothing but the schemas jar: a plain
 * KafkaConsumer in a consumer group of its own, {@link AvroSerde} as value deserializer, no Spring.
 */
class ExternalDepartmentConsumerTest extends org.fcr.dispatch.DispatchStackTest {

    @Test
    void theCleaningDepartmentsSystemDecodesItsOrders() {
        String id = "R-" + UUID.randomUUID().toString().substring(0, 8);
        Instant morning = Instant.parse("2025-06-10T02:00:00Z");
        RequestEvents.send(TestInfrastructure.bootstrapServers(),
                RequestEvents.accepted(id, Category.SERVICE, "保洁", morning),
                RequestEvents.dispatchRequested(id, 3, Category.SERVICE, "保洁", morning));

        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "cleaning-department-system");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        List<DispatchOrder> mine = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), AvroSerde.of(DispatchOrder.class))) {
            consumer.subscribe(List.of("fcr.dispatch.cleaning"));
            Instant deadline = Instant.now().plusSeconds(30);
            while (mine.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (id.equals(record.key())) {
                        mine.add(record.value());
                    }
                });
            }
        }
        assertThat(mine).hasSize(1);
        DispatchOrder order = mine.get(0);
        assertThat(order.getDepartment()).isEqualTo("cleaning");
        assertThat(order.getDepartmentName()).isEqualTo("保洁部");
        assertThat(order.getHandler().getEmployeeId()).isIn("clean01", "clean02");
        assertThat(order.getCustomer().getName()).isEqualTo("李先生");
        assertThat(order.getCategory()).isEqualTo(Category.SERVICE);
        assertThat(order.getSubcategory()).isEqualTo("保洁");
        assertThat(order.getDeskContact()).contains("400-800-1234");
    }
}
