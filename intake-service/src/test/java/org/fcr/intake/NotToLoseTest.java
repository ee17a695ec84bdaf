package org.fcr.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.fcr.events.RequestEvent;
import org.fcr.intake.messaging.OutboxSweeper;
import org.fcr.intake.store.OutboxMarkers;
import org.fcr.intake.store.RequestStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** SPEC §8: what was accepted is not lost, whether the store loses a request or a relay never happened. */
class NotToLoseTest extends IntakeServiceTestBase {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OutboxSweeper sweeper;

    @Test
    void aRequestTheStoreLostIsRebuiltFromTheBroker() {
        String id = create(SKELETON);
        command("desk01", id, "escalate", "{\"reason\":\"催办\"}").expectStatus().isOk();
        mongo.remove(Query.query(Criteria.where("_id").is(id)), RequestStore.COLLECTION).block();
        get("desk01", "/api/requests/" + id).exchange().expectStatus().isNotFound();

        post("admin", "/api/admin/repair?lookback=PT1H").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.rebuilt").value(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(1));

        assertThat(timelineTypes(id)).containsExactly("ACCEPTED", "REGISTERED", "DISPATCH_REQUESTED", "ESCALATED");
        assertThat(view(id).get("version")).isEqualTo(4);
        command("desk01", id, "escalate", "{\"reason\":\"再次催办\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(5);
    }

    @Test
    void aRequestTheStoreHoldsOnlyInPartIsCompleted() {
        String id = create(SKELETON);
        command("desk01", id, "escalate", "{\"reason\":\"催办\"}").expectStatus().isOk();
        // as if the store lost its last write: the document as it was after the create
        Document doc = mongo.findById(id, Document.class, RequestStore.COLLECTION).block();
        List<?> events = doc.getList("events", Object.class);
        doc.put("events", events.subList(0, 3));
        doc.put("seq", 3L);
        mongo.save(doc, RequestStore.COLLECTION).block();
        assertThat(timelineTypes(id)).hasSize(3);

        post("admin", "/api/admin/repair?lookback=PT1H").exchange().expectStatus().isOk();

        assertThat(timelineTypes(id)).containsExactly("ACCEPTED", "REGISTERED", "DISPATCH_REQUESTED", "ESCALATED");
    }

    @Test
    void eventsThatStayedInTheOutboxAreRelayedByTheSweeper() {
        String id = create(SKELETON.replace("\"description\"", "\"dispatch\":false,\"description\""));
        // the create's own release of its marker is batched: let it land first, or it would clear the planted one
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document marker = mongo.findById(id, Document.class, OutboxMarkers.COLLECTION).block();
            return marker == null || marker.getList("pending", Object.class).isEmpty();
        });
        // as if intake died between its write and the broker's acknowledgement
        mongo.save(new Document("_id", id).append("pending", List.of(1L)).append("at", new Date(0)),
                OutboxMarkers.COLLECTION).block();

        // the scheduled sweep (every second here) may come first; either way the event goes out again
        sweeper.sweep().block();

        List<RequestEvent> published = publishedFor(id, 2);
        assertThat(published).hasSizeGreaterThanOrEqualTo(2).extracting(RequestEvent::getEventId).containsOnly(id + "-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document marker = mongo.findById(id, Document.class, OutboxMarkers.COLLECTION).block();
            return marker == null || marker.getList("pending", Object.class).isEmpty();
        });
    }

    @Test
    void onlyAnAdministratorRepairs() {
        post("desk01", "/api/admin/repair").exchange().expectStatus().isForbidden();
        post("admin", "/api/admin/repair?lookback=yesterday").exchange().expectStatus().isBadRequest();
    }
}
