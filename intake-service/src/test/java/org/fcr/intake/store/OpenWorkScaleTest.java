package org.fcr.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.Channel;
import org.fcr.events.Customer;
import org.fcr.events.DispatchDecision;
import org.fcr.events.DispatchReason;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.intake.domain.DispatchInbound;
import org.fcr.intake.domain.NewRequest;
import org.fcr.intake.domain.RequestIntake;
import org.fcr.intake.domain.RequestState;
import org.fcr.schemas.TrustedPackages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

/**
 * The open-work lists answer from memory with 100k open requests: filtered, counted, sorted and paged right;
 * a department's queue of 50k tickets is read off its own order, in the order a full pass gives.
 */
class OpenWorkScaleTest {

    static final int OPEN = 100_000;
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @BeforeAll
    static void trust() {
        TrustedPackages.trustEventPackage();
    }

    static RequestState request(int n) {
        Actor desk = Actor.newBuilder().setEmployeeId("desk0" + (1 + n % 2)).setName("desk").setRole("DESK").setRank(2).build();
        NewRequest r = new NewRequest(Channel.HOTLINE, Category.values()[n % 7], null, RequestSize.SMALL, Scope.IN_SCOPE,
                false, false, false, new Customer("客户" + n, null, null), null, "诉求 " + n, T0.plusSeconds(n), null, null,
                null, null, List.of(), n % 3 == 0, null);
        return RequestIntake.accept(String.format("R-%08d", n), r, desk, T0.plusSeconds(n)).state();
    }

    @Test
    void listsOfOneHundredThousandOpenRequestsAreFilteredSortedAndPaged() {
        OpenWork work = new OpenWork(null, null, Integer.MAX_VALUE);
        for (int n = 0; n < OPEN; n++) {
            work.put(request(n), new Document());
        }
        RequestFilter open = new RequestFilter("OPEN", null, null, null, null, null, null, null, null, null, null, null);
        RequestFilter mine = new RequestFilter("OPEN", null, "COMPLAINT", null, null, "desk02", null, null, null,
                null, null, null);

        OpenWork.Page newest = work.page(open, 0, 50, "receivedAt", Sort.Direction.DESC);
        OpenWork.Page complaints = work.page(mine, 2, 20, "receivedAt", Sort.Direction.ASC);
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            work.page(open, 0, 50, "nextDeadline", Sort.Direction.ASC);
        }
        System.out.printf("OpenWork: one page over %d open requests in %.1f ms (mean of 10, warm)%n", OPEN,
                (System.nanoTime() - started) / 1e7);

        assertThat(newest.total()).isEqualTo(OPEN);
        assertThat(newest.lines()).extracting(d -> d.getString("_id")).startsWith("R-00099999", "R-00099998");
        // COMPLAINT is n % 7 == 3 and desk02 is odd n: n = 3, 17, 31, … (n ≡ 3 mod 14); page 2 of 20 starts at the 41st
        assertThat(complaints.total()).isEqualTo((OPEN - 3 + 13) / 14);
        assertThat(complaints.lines()).hasSize(20).first().extracting(d -> d.getString("_id")).isEqualTo(String.format("R-%08d", 3 + 14 * 40));
        assertThat(work.page(new RequestFilter("OPEN", "REGISTERED", null, null, null, null, null, null, null, null, null, null),
                0, 200, "receivedAt", Sort.Direction.ASC).lines()).isEmpty();
        assertThat(work.page(new RequestFilter("OPEN", "AWAITING_DISPATCH", null, null, null, null, null, null, null,
                null, null, null), 0, 1, "receivedAt", Sort.Direction.ASC).total()).isEqualTo((OPEN + 2) / 3);
    }

    @Test
    void aDepartmentQueueOfFiftyThousandTicketsIsReadOffItsOwnOrder() {
        OpenWork work = new OpenWork(null, null, Integer.MAX_VALUE);
        Random random = new Random(7);
        Actor dispatch = Actor.newBuilder().setEmployeeId("dispatch-service").setName("调度").setRole("SYSTEM").setRank(0).build();
        for (int n = 0; n < OPEN; n++) {
            RequestState state = awaitingDispatch(n);
            String department = n % 2 == 0 ? "engineering" : "security";
            DispatchDecision decision = DispatchDecision.newBuilder().setDecisionId(state.id() + "-d").setRequestId(state.id())
                    .setDepartment(department).setDepartmentName(department).setAttempt(1).setReason(DispatchReason.INITIAL)
                    .setReturnCount(0).setArbitrationRequired(false).setWrongDepartments(List.of()).setHandler(null)
                    .setRuleId(null).setPreviousDepartment(null).setDecidedAt(T0).setDecidedBy(dispatch).build();
            Document deadlines = new Document("ACKNOWLEDGE", new Document("kind", "STARTED")
                    .append("deadline", Date.from(T0.plusSeconds(random.nextInt(86_400)))));
            work.put(DispatchInbound.dispatched(state, decision, T0).state(), deadlines);
        }
        RequestFilter engineering = new RequestFilter("OPEN", null, null, null, null, null, "engineering", null, null,
                null, null, null);

        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            work.queue("engineering", 0, 100);
        }
        double queueMillis = (System.nanoTime() - started) / 1e7;
        started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            work.pageByPass(engineering, 0, 100, "nextDeadline", Sort.Direction.ASC);
        }
        System.out.printf("OpenWork: a queue of %d tickets, page 1 of 100 in %.2f ms off its order, %.1f ms by a pass "
                + "(mean of 10)%n", OPEN / 2, queueMillis, (System.nanoTime() - started) / 1e7);

        OpenWork.Page queue = work.queue("engineering", 3, 100);
        OpenWork.Page passed = work.pageByPass(engineering, 3, 100, "nextDeadline", Sort.Direction.ASC);
        assertThat(queue.total()).isEqualTo(OPEN / 2).isEqualTo(passed.total());
        assertThat(queue.lines()).extracting(d -> d.getString("_id"))
                .isEqualTo(passed.lines().stream().map(d -> d.getString("_id")).toList());
    }

    static RequestState awaitingDispatch(int n) {
        Actor desk = Actor.newBuilder().setEmployeeId("desk01").setName("desk").setRole("DESK").setRank(2).build();
        NewRequest r = new NewRequest(Channel.HOTLINE, Category.FAULT_REPAIR, null, RequestSize.SMALL, Scope.IN_SCOPE,
                false, false, false, new Customer("客户" + n, null, null), null, "诉求 " + n, T0.plusSeconds(n), null, null,
                null, null, List.of(), true, null);
        return RequestIntake.accept(String.format("Q-%08d", n), r, desk, T0.plusSeconds(n)).state();
    }
}
