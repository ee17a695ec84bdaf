package org.fcr.scoring.support;

import java.time.Duration;
import java.util.List;

import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;
import org.fcr.scoring.messaging.RequestScoring;
import org.fcr.scoring.messaging.SlaScoring;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Feeds events straight into the service's scoring (what the listeners do per record), and wipes its store. */
public record Pipeline(RequestScoring requests, SlaScoring sla, ReactiveMongoTemplate mongo) {

    public void feed(List<Object> events) {
        for (Object event : events) {
            if (event instanceof RequestEvent request) {
                requests.apply(request).block(Duration.ofSeconds(30));
            } else if (event instanceof SlaEvent slaEvent) {
                sla.apply(slaEvent).block(Duration.ofSeconds(30));
            }
        }
    }

    /** Everything scoring stores, gone: the state before the first event was ever read. */
    public void wipe() {
        mongo.getCollectionNames().flatMap(mongo::dropCollection).blockLast(Duration.ofSeconds(30));
    }
}
