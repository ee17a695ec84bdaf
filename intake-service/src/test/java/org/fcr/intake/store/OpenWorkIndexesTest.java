package org.fcr.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.Channel;
import org.fcr.events.Customer;
import org.fcr.events.DispatchDecision;
import org.fcr.events.DispatchReason;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.intake.domain.CommandRefused;
import org.fcr.intake.domain.Decision;
import org.fcr.intake.domain.DispatchInbound;
import org.fcr.intake.domain.NewRequest;
import org.fcr.intake.domain.RequestIntake;
import org.fcr.intake.domain.RequestState;
import org.fcr.intake.domain.SideCommands;
import org.fcr.intake.domain.StageCommands;
import org.fcr.intake.domain.StageConflict;
import org.fcr.schemas.TrustedPackages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

/**
 * The indexed lists (mine, a department's queue, overdue, everything newest first) answer exactly what a
 * pass over every open line answers, after a day of changes: requests accepted, dispatched and re-dispatched
 * to other departments, returned by them, first responders overridden, deadlines breached and met, duplicates
 * merged away —
 * some written here, some arriving as events from another instance.
 */
class OpenWorkIndexesTest {

    static final int OPEN_AT_MOST = 3_000;
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    static final List<String> DESKS = List.of("desk01", "desk02", "desk03", "desk04");
    static final String RARE_DESK = "desk09";
    static final List<String> DEPARTMENTS = List.of("engineering", "security", "cleaning");
    static final Actor MANAGER = actor("mgr01", "administration", "MANAGER", 4);
    static final Actor DISPATCH = actor("dispatch-service", null, "SYSTEM", 0);

    final Random random = new Random(20261123);
    final OpenWork work = new OpenWork(null, null, Integer.MAX_VALUE);
    final List<RequestState> states = new ArrayList<>();
    int clock;

    @BeforeAll
    static void trust() {
        TrustedPackages.trustEventPackage();
    }

    @Test
    void indexedListsAgreeWithAPassOverEveryOpenLine() {
        for (int n = 0; n < 3_000; n++) {
            accept(n);
        }
        for (int change = 0; change < 6_000; change++) {
            int i = random.nextInt(states.size());
            RequestState s = states.get(i);
            if (!s.open()) {
                continue;
            }
            try {
                switch (random.nextInt(6)) {
                    case 0, 1 -> take(i, DispatchInbound.dispatched(s, decision(s, pick(DEPARTMENTS)), now()));
                    case 2 -> take(i, SideCommands.overrideFirstResponder(s, MANAGER, now(),
                            actor(pick(DESKS), "customer-service", "DESK", 2), "换人负责"));
                    case 5 -> take(i, StageCommands.returnTicket(s, actor("staff", s.context().getDepartment(), "DEPARTMENT", 1),
                            now(), "不属本部门", null));
                    case 3 -> work.recordSla(sla(s.id(), random.nextBoolean() ? SlaEventKind.BREACHED : SlaEventKind.MET));
                    default -> take(i, SideCommands.mergeInto(s, MANAGER, now(), states.get((i + 1) % states.size()).id(), "重复"));
                }
            } catch (CommandRefused | StageConflict refused) {
                // e.g. the same desk named again as first responder: a change that does not happen
            }
        }
        long open = states.stream().filter(RequestState::open).count();
        assertThat(open).as("some requests were closed, most are open").isBetween(1_000L, 2_999L);

        List<RequestFilter> lists = new ArrayList<>();
        lists.add(filter(null, null, null));
        for (String desk : List.of("desk01", "desk02", "desk03", "desk04", RARE_DESK)) {
            lists.add(filter(desk, null, null));
            lists.add(filter(desk, null, true));
        }
        for (String department : DEPARTMENTS) {
            lists.add(filter(null, department, null));
            lists.add(filter(null, department, true));
            lists.add(filter("desk02", department, null));
            lists.add(returnedBy(department));
        }
        lists.add(filter(null, null, true));
        lists.add(filter(null, null, false));
        lists.add(filter("nobody", null, null));
        lists.add(filter(null, "no-such-department", null));
        lists.add(filter(" ", "", null));
        int compared = 0;
        for (RequestFilter list : lists) {
            for (String sort : List.of("receivedAt", "nextDeadline", "updatedAt")) {
                for (Sort.Direction direction : Sort.Direction.values()) {
                    for (int page : new int[] {0, 1, 7}) {
                        OpenWork.Page indexed = work.page(list, page, 50, sort, direction);
                        OpenWork.Page passed = work.pageByPass(list, page, 50, sort, direction);
                        assertThat(ids(indexed)).as("%s by %s %s, page %d", list, sort, direction, page).isEqualTo(ids(passed));
                        assertThat(indexed.total()).as("%s total", list).isEqualTo(passed.total());
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(lists.size() * 3 * 2 * 3);
        assertThat(work.page(filter(null, null, null), 0, 10, "receivedAt", Sort.Direction.DESC).total()).isEqualTo(open);
        // the overdue list is not empty and not everything: the index is exercised both ways
        long overdue = work.pageByPass(filter(null, null, true), 0, 1, "receivedAt", Sort.Direction.DESC).total();
        assertThat(overdue).isBetween(1L, open - 1);
        // no index keeps a request that closed or moved away (those would only cost time, so check them here)
        long atDepartments = DEPARTMENTS.stream()
                .mapToLong(d -> work.pageByPass(filter(null, d, null), 0, 1, "receivedAt", Sort.Direction.DESC).total()).sum();
        long inQueues = 0;
        for (String department : DEPARTMENTS) {
            // a department's queue: its tickets without those it returned, which wait for dispatch
            List<String> queue = work.pageByPass(filter(null, department, null), 0, OPEN_AT_MOST, "nextDeadline", Sort.Direction.ASC)
                    .lines().stream().filter(d -> !"AWAITING_DISPATCH".equals(d.getString("step")))
                    .map(d -> d.getString("_id")).toList();
            assertThat(queue.size()).as("%s holds some tickets and has returned some", department)
                    .isBetween(1, (int) work.pageByPass(filter(null, department, null), 0, 1, "receivedAt", Sort.Direction.DESC).total() - 1);
            for (int page : new int[] {0, 1, 5}) {
                OpenWork.Page indexed = work.queue(department, page, 50);
                assertThat(ids(indexed)).as("%s queue page %d", department, page)
                        .isEqualTo(queue.subList(Math.min(page * 50, queue.size()), Math.min(page * 50 + 50, queue.size())));
                assertThat(indexed.total()).isEqualTo(queue.size());
            }
            inQueues += queue.size();
        }
        long returned = DEPARTMENTS.stream()
                .mapToLong(d -> work.pageByPass(returnedBy(d), 0, 1, "receivedAt", Sort.Direction.DESC).total()).sum();
        assertThat(returned).as("some open tickets were returned").isPositive();
        assertThat(work.indexes().sizes())
                .containsExactly((int) open, (int) atDepartments, (int) inQueues, (int) inQueues, (int) returned,
                        (int) overdue, (int) open);
        long rare = work.pageByPass(filter(RARE_DESK, null, null), 0, 1, "receivedAt", Sort.Direction.DESC).total();
        assertThat(rare).as("the rare desk's list is under an eighth of the open lines").isBetween(1L, open / 8 - 1);
    }

    private void accept(int n) {
        // one desk takes few calls: its list is small, the others' are a quarter of everything each
        Actor desk = actor(n % 50 == 0 ? RARE_DESK : pick(DESKS), "customer-service", "DESK", 2);
        NewRequest r = new NewRequest(Channel.HOTLINE, Category.values()[n % 7], null, RequestSize.SMALL, Scope.IN_SCOPE,
                false, false, false, new Customer("客户" + n, null, null), null, "诉求 " + n,
                // arrivals share seconds, so ties in receivedAt are ordered by id
                T0.plusSeconds(n / 3), null, null, null, null, List.of(), true, null);
        Decision accepted = RequestIntake.accept(String.format("R-%06d", n), r, desk, T0.plusSeconds(n / 3));
        states.add(accepted.state());
        publish(accepted);
    }

    /** Half the changes are this instance's writes, half arrive as another instance's events. */
    private void take(int i, Decision decision) {
        states.set(i, decision.state());
        publish(decision);
    }

    private void publish(Decision decision) {
        if (random.nextBoolean()) {
            work.put(decision.state(), null);
        } else {
            for (RequestEvent event : decision.events()) {
                assertThat(work.apply(event)).isTrue();
            }
        }
    }

    /** A manual re-route moves a ticket that is already at a department (an initial decision would not). */
    private DispatchDecision decision(RequestState s, String department) {
        int attempt = ++clock;
        return DispatchDecision.newBuilder()
                .setDecisionId(s.id() + "-dispatch-" + attempt).setRequestId(s.id())
                .setDepartment(department).setDepartmentName(department).setAttempt(attempt)
                .setReason(DispatchReason.MANUAL).setReturnCount(0).setArbitrationRequired(false)
                .setWrongDepartments(List.of()).setHandler(null).setRuleId(null).setPreviousDepartment(null)
                .setDecidedAt(now()).setDecidedBy(DISPATCH).build();
    }

    private SlaEvent sla(String requestId, SlaEventKind kind) {
        Instant deadline = T0.plusSeconds(3_600 + random.nextInt(86_400));
        return SlaEvent.newBuilder()
                .setEventId(requestId + "-ACKNOWLEDGE-1-" + kind).setRequestId(requestId)
                .setKind(kind).setStage(Stage.ACKNOWLEDGE).setCategory(Category.FAULT_REPAIR)
                .setStartedAt(deadline.minusSeconds(300)).setDeadline(deadline).setOccurredAt(now()).build();
    }

    private static RequestFilter filter(String firstResponder, String department, Boolean overdue) {
        return new RequestFilter("OPEN", null, null, null, null, firstResponder, department, null, null, null, null, overdue);
    }

    private static RequestFilter returnedBy(String department) {
        return new RequestFilter("OPEN", null, null, null, null, null, null, null, department, null, null, null);
    }

    private static List<String> ids(OpenWork.Page page) {
        return page.lines().stream().map(d -> d.getString("_id")).toList();
    }

    private Instant now() {
        return T0.plusSeconds(3_600 + ++clock);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Actor actor(String id, String department, String role, int rank) {
        return Actor.newBuilder().setEmployeeId(id).setName(id).setDepartment(department).setRole(role).setRank(rank).build();
    }
}
