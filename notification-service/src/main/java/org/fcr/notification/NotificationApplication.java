package org.fcr.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * notification-service: who is told what, by which channel (SPEC §4 double notice 双告知 and double
 * chase 双督办; seed 002 escalation and major complaints at once), with a durable delivery log.
 */
@SpringBootApplication
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }
}
