package org.fcr.schemas;

import java.time.Instant;

import org.fcr.events.Accepted;
import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.Channel;
import org.fcr.events.Customer;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;

/** Small valid events for serde tests, here and in every service's tests (test-jar). */
public final class EventFixtures {

    static {
        TrustedPackages.trustEventPackage();
    }

    private EventFixtures() {
    }

    public static Actor actor(String id, String name, String role) {
        return Actor.newBuilder().setEmployeeId(id).setName(name).setRole(role).setDepartment("desk").build();
    }

    public static RequestContext context(Category category) {
        return RequestContext.newBuilder()
                .setCategory(category)
                .setChannel(Channel.HOTLINE)
                .setFirstResponder(actor("E001", "王芳", "DESK"))
                .setCustomer(Customer.newBuilder().setName("李先生").setUnit("3-2-501").setPhone("13800138000").build())
                .build();
    }

    public static RequestEvent accepted(String requestId, Instant at) {
        return RequestEvent.newBuilder()
                .setEventId(requestId + "-1")
                .setRequestId(requestId)
                .setSequence(1)
                .setType(RequestEventType.ACCEPTED)
                .setOccurredAt(at)
                .setActor(actor("E001", "王芳", "DESK"))
                .setContext(context(Category.FAULT_REPAIR))
                .setPayload(Accepted.newBuilder().setReceivedAt(at).setDescription("厨房水管漏水").build())
                .build();
    }
}
