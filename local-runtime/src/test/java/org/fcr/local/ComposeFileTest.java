package org.fcr.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * `docker compose config` needs the compose plugin, which this machine lacks; so the promises of
 * the production file are checked here: every service present, healthy-gated, memory-limited, and
 * pointed at the jar the build makes.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> root = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Map<String, Object>>) root.get("services");
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "dispatch-service", "sla-monitor", "scoring-service", "notification-service"})
    @SuppressWarnings("unchecked")
    void eachServiceRunsItsBuiltJarBehindHealthyInfrastructure(String module) throws IOException {
        Map<String, Object> service = services().get(module);
        assertThat(service).as(module).isNotNull().containsKeys("healthcheck", "mem_limit", "depends_on");
        assertThat(service.get("volumes").toString()).contains("./" + module + "/target/" + module + "-" + ServiceSpec.VERSION + "-exec.jar");
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
        assertThat(dependsOn.get("kafka").get("condition")).isEqualTo("service_healthy");
        assertThat(dependsOn.get("mongo").get("condition")).isEqualTo("service_healthy");
        Map<String, String> env = (Map<String, String>) service.get("environment");
        assertThat(env).containsKeys("FCR_KAFKA", "FCR_MONGO_URI", "SERVER_PORT");
    }

    @Test
    void kafkaRunsInKraftModeAndMongoAsAReplicaSet() throws IOException {
        var kafka = services().get("kafka");
        assertThat(kafka.get("environment").toString()).contains("KAFKA_PROCESS_ROLES=broker,controller");
        assertThat(services().get("mongo").get("command").toString()).contains("--replSet");
        assertThat(kafka).containsKeys("healthcheck", "mem_limit");
    }
}
