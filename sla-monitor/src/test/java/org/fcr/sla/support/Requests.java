package org.fcr.sla.support;

import java.time.Instant;

import org.fcr.events.Accepted;
import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.Channel;
import org.fcr.events.Customer;
import org.fcr.events.Dispatched;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;

/** Request events as intake writes them, for one request, with increasing sequence numbers. */
public final class Requests {

    public static final Actor DESK = Actor.newBuilder().setEmployeeId("desk01").setName("王芳")
            .setDepartment("customer-service").setRole("DESK").setRank(2).build();
    public static final Actor ENGINEER = Actor.newBuilder().setEmployeeId("eng01").setName("刘强")
            .setDepartment("engineering").setRole("DEPARTMENT").setRank(1).build();

    private final String requestId;
    private final RequestContext.Builder context;
    private long sequence;

    private Requests(String requestId, Category category, RequestSize size, Scope scope) {
        this.requestId = requestId;
        this.context = RequestContext.newBuilder()
                .setCategory(category).setSize(size).setScope(scope).setChannel(Channel.HOTLINE)
                .setFirstResponder(DESK)
                .setCustomer(Customer.newBuilder().setName("李先生").setUnit("3-2-501").setPhone("13800138000").build());
    }

    public static Requests of(String requestId, Category category, RequestSize size, Scope scope) {
        return new Requests(requestId, category, size, scope);
    }

    public static Requests faultRepair(String requestId) {
        return of(requestId, Category.FAULT_REPAIR, RequestSize.SMALL, Scope.IN_SCOPE);
    }

    public String id() {
        return requestId;
    }

    public Requests drill() {
        context.setDrill(true);
        return this;
    }

    public RequestEvent accepted(Instant receivedAt, Instant recordedAt) {
        return event(RequestEventType.ACCEPTED, recordedAt,
                Accepted.newBuilder().setReceivedAt(receivedAt).setDescription("厨房水管漏水").build());
    }

    public RequestEvent dispatched(Instant at) {
        context.setDepartment("engineering");
        return event(RequestEventType.DISPATCHED, at, Dispatched.newBuilder().setDepartment("engineering")
                .setDepartmentName("工程维修部").build());
    }

    /** The handler named at acknowledgement answers for the stages that follow. */
    public RequestEvent acknowledged(Instant at) {
        context.setDepartment("engineering").setHandler(ENGINEER);
        return event(RequestEventType.ACKNOWLEDGED, at, null);
    }

    /** A stage command with no payload the engine reads (organised, on site, completed, quoted …). */
    public RequestEvent event(RequestEventType type, Instant at) {
        return event(type, at, null);
    }

    private RequestEvent event(RequestEventType type, Instant at, Object payload) {
        sequence++;
        return RequestEvent.newBuilder()
                .setEventId(requestId + "-" + sequence)
                .setRequestId(requestId)
                .setSequence(sequence)
                .setType(type)
                .setOccurredAt(at)
                .setActor(DESK)
                .setContext(context.build())
                .setPayload(payload)
                .build();
    }
}
