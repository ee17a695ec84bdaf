package org.fcr.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.fcr.events.RequestEvent;
import org.fcr.events.Actor;
import org.fcr.events.EscalationLevel;
import org.fcr.intake.domain.Decision;
import org.fcr.intake.domain.SideCommands;
import org.fcr.intake.messaging.Reconciliation;
import org.fcr.intake.messaging.RequestWorkflow;
import org.fcr.intake.store.RelayCheckpoints;
import org.fcr.intake.store.RequestStore;
import org.fcr.intake.store.StoredRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** SPEC §8: what was accepted is not lost, whether the store loses a request or an instance dies before its relay. */
class NotToLoseTest extends IntakeServiceTestBase {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    RequestStore store;

    @Autowired
    RelayCheckpoints checkpoints;

    @Autowired
    Reconciliation reconciliation;

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
    void aWriteWhoseAcknowledgementNeverCameIsRelayedByTheStartUpReconciliation() {
        String id = create(SKELETON.replace("\"description\"", "\"dispatch\":false,\"description\""));
        // as if an instance wrote a command and died before the broker had its event: stored, never published
        StoredRequest stored = store.find(id).block();
        Actor desk = stored.state().context().getFirstResponder();
        Decision escalated = SideCommands.escalate(stored.state(), desk, RequestWorkflow.now(),
                EscalationLevel.SUPERVISOR, "催办", null);
        store.append(escalated, stored.state().sequence()).block();
        checkpoints.save("an-instance-that-died", Instant.now().minusSeconds(5)).block();

        Reconciliation.Report report = reconciliation.fromCheckpoints().block();

        assertThat(report.relayed()).isGreaterThanOrEqualTo(1);
        assertThat(publishedFor(id, 2)).extracting(RequestEvent::getEventId).contains(id + "-1", id + "-2");
    }

    @Test
    void onlyAnAdministratorRepairs() {
        post("desk01", "/api/admin/repair").exchange().expectStatus().isForbidden();
        post("admin", "/api/admin/repair?lookback=yesterday").exchange().expectStatus().isBadRequest();
    }
}
