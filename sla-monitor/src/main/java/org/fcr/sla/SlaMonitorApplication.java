package org.fcr.sla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** sla-monitor: the time standards of SPEC §5 as a Kafka Streams engine (ARCHITECTURE §5). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SlaMonitorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SlaMonitorApplication.class, args);
    }
}
