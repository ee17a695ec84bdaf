package org.fcr.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * intake-service: the single writer of every request's timeline (fcr.requests). It accepts
 * requests from every channel, enforces the stage chain of 首问责任制, and serves the desk console
 * and the department view.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
