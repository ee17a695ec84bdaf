package org.fcr.scoring.store;

import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Today's open and overdue requests for the dashboard, from {@code fcr.sla}: one small document
 * per request with open stage clocks, deleted when the last clock stops — so this collection holds
 * open work only and listing it stays cheap.
 */
@Repository
public class OpenWorkStore {

    static final String OPEN = "open_requests";

    private final ReactiveMongoTemplate mongo;

    public OpenWorkStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> apply(SlaEvent event) {
        String key = event.getStage().name() + "#" + event.getAttempt();
        Query byId = Query.query(Criteria.where("_id").is(event.getRequestId()));
        return switch (event.getKind()) {
            case STARTED, BREACHED, REMINDER, ESCALATED, RESUMED -> mongo.upsert(byId, new Update()
                    .set("category", event.getCategory().name())
                    .set("department", event.getDepartment())
                    .set("drill", event.getDrill())
                    .set("updatedAt", event.getOccurredAt())
                    .set("stages." + key, new OpenStage(event.getStage().name(), event.getAttempt(), event.getStartedAt(),
                            event.getDeadline(), event.getKind() == SlaEventKind.BREACHED
                                    || event.getKind() == SlaEventKind.ESCALATED,
                            event.getResponsible() == null ? null : event.getResponsible().getName(),
                            event.getDepartment())), OPEN).then();
            case MET, CANCELLED -> mongo.findAndModify(byId, new Update().unset("stages." + key),
                            FindAndModifyOptions.options().returnNew(true), OpenRequest.class, OPEN)
                    .filter(open -> open.stages().isEmpty())
                    .flatMap(open -> mongo.remove(byId, OPEN)).then();
            default -> Mono.empty();
        };
    }

    /** A closed request is no longer open work, whatever clocks sla-monitor left running. */
    public Mono<Void> close(String requestId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(requestId)), OPEN).then();
    }

    public Flux<OpenRequest> all() {
        return mongo.findAll(OpenRequest.class, OPEN);
    }
}
