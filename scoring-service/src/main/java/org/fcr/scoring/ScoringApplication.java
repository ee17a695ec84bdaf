package org.fcr.scoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The penalty ledger, assessments, rankings and the management dashboard (SPEC §6). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScoringApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScoringApplication.class, args);
    }
}
