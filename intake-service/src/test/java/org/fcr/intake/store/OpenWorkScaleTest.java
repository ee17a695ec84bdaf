package org.fcr.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.Channel;
import org.fcr.events.Customer;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.intake.domain.NewRequest;
import org.fcr.intake.domain.RequestIntake;
import org.fcr.intake.domain.RequestState;
import org.fcr.schemas.TrustedPackages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

/** The open-work lists answer from memory with 100k open requests: filtered, counted, sorted and paged right. */
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
        OpenWork work = new OpenWork(null, null);
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
}
