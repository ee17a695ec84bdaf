package org.fcr.dispatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Decides which department acts on a request, re-routes returned tickets and calls arbitration. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DispatchApplication {

    public static void main(String[] args) {
        SpringApplication.run(DispatchApplication.class, args);
    }
}
