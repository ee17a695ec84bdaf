package org.fcr.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.Channel;
import org.fcr.events.Customer;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.intake.config.IntakeProperties;
import org.fcr.intake.domain.Decision;
import org.fcr.intake.domain.NewRequest;
import org.fcr.intake.domain.RequestIntake;
import org.fcr.schemas.TrustedPackages;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

/**
 * More open requests than intake may hold: it lets go of every line instead of filling its heap (the lists
 * then read the store), and once they are fewer a later load holds them again. Against the Mongo wire server.
 */
class OpenWorkLimitTest {

    static final String DATABASE = "open_work_limit_test";
    static final Actor DESK = Actor.newBuilder().setEmployeeId("desk01").setName("王芳").setDepartment("customer-service")
            .setRole("DESK").setRank(2).build();

    static MongoClient client;
    static ReactiveMongoTemplate mongo;
    static RequestStore store;

    @BeforeAll
    static void connect() {
        TrustedPackages.trustEventPackage();
        client = MongoClients.create(TestInfrastructure.mongoUri(DATABASE));
        mongo = new ReactiveMongoTemplate(client, DATABASE);
        mongo.dropCollection(RequestStore.COLLECTION).block();
        store = new RequestStore(mongo, new IntakeProperties(null, null, null, null, false, null, null, null, null, null,
                null, null));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void pastTheLimitNoLineIsHeldUntilALoadFindsFewerOpenRequests() {
        OpenWork work = new OpenWork(mongo, store, 3);
        for (int n = 1; n <= 3; n++) {
            insert(n);
        }
        assertThat(work.load().block()).isEqualTo(3);
        assertThat(work.loaded()).isTrue();
        assertThat(work.overflowed()).isFalse();

        // a fourth, as this instance's own write: one line more than the limit
        Decision fourth = insert(4);
        work.put(fourth.state(), null);
        assertThat(work.overflowed()).isTrue();
        assertThat(work.loaded()).as("the lists must read the store now").isFalse();
        assertThat(work.size()).as("every line let go").isZero();
        work.put(insert(5).state(), null);
        assertThat(work.size()).as("nothing held while overflowed").isZero();

        // still five open: a new load stops once past the limit, holding nothing
        work.reloadAfterOverflow().block();
        assertThat(work.overflowed()).isTrue();
        assertThat(work.size()).isZero();

        // three of them closed: the next load holds the two left, and the lists read memory again
        for (String id : List.of("R-1", "R-2", "R-3")) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("status", "CLOSED"),
                    RequestStore.COLLECTION).block();
        }
        assertThat(work.reloadAfterOverflow().block()).isEqualTo(2);
        assertThat(work.loaded()).isTrue();
        assertThat(work.overflowed()).isFalse();
        OpenWork.Page page = work.page(new RequestFilter("OPEN", null, null, null, null, null, null, null, null, null,
                null, null), 0, 20, "receivedAt", Sort.Direction.DESC);
        assertThat(page.lines()).extracting(line -> line.getString("_id")).containsExactly("R-5", "R-4");
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void theDefaultLimitFillsHalfTheHeap() {
        assertThat(OpenWork.limit(0, 768L << 20)).isBetween(250_000, 300_000);
        assertThat(OpenWork.limit(1_000, 768L << 20)).isEqualTo(1_000);
    }

    private static Decision insert(int n) {
        NewRequest request = new NewRequest(Channel.HOTLINE, Category.FAULT_REPAIR, null, RequestSize.SMALL,
                Scope.IN_SCOPE, false, false, false, new Customer("客户" + n, null, null), null, "诉求 " + n,
                Instant.parse("2026-03-02T00:00:00Z").plusSeconds(n), null, null, null, null, List.of(), true, null);
        Decision accepted = RequestIntake.accept("R-" + n, request, DESK, Instant.parse("2026-03-02T00:00:00Z").plusSeconds(n));
        assertThat(store.insert(accepted).block()).isTrue();
        return accepted;
    }
}
