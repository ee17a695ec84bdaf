package org.fcr.scoring.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fcr.events.Accepted;
import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.Channel;
import org.fcr.events.Customer;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.events.Scope;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;

/**
 * Builds one request's story event by event, the way intake and sla-monitor would publish it:
 * sequence numbers, deterministic event ids, the context carried on every event.
 */
public final class Story {

    static {
        // loading the topic registry trusts the event package for Avro (needed before any builder runs)
        java.util.Objects.requireNonNull(org.fcr.schemas.Topics.REQUESTS);
    }

    public static final Actor DESK = Actor.newBuilder().setEmployeeId("desk01").setName("王芳")
            .setDepartment("customer-service").setRole("DESK").setRank(2).build();
    public static final Actor ENGINEER = Actor.newBuilder().setEmployeeId("eng01").setName("刘强")
            .setDepartment("engineering").setRole("DEPARTMENT").setRank(1).build();

    private final String requestId;
    private final RequestContext.Builder context;
    private Instant clock;
    private long sequence;
    private final List<Object> events = new ArrayList<>();

    private Story(String requestId, Instant start, Category category, String phone) {
        this.requestId = requestId;
        this.clock = start;
        this.context = RequestContext.newBuilder().setCategory(category).setChannel(Channel.HOTLINE)
                .setFirstResponder(DESK).setScope(Scope.IN_SCOPE)
                .setCustomer(Customer.newBuilder().setName("李先生").setUnit("3-2-501").setPhone(phone).build());
    }

    public static Story of(String requestId, Instant start) {
        return new Story(requestId, start, Category.FAULT_REPAIR, "13800138000");
    }

    public static Story of(String requestId, Instant start, Category category, String phone) {
        return new Story(requestId, start, category, phone);
    }

    public String requestId() {
        return requestId;
    }

    public Instant now() {
        return clock;
    }

    public Story after(Duration duration) {
        clock = clock.plus(duration);
        return this;
    }

    public Story drill() {
        context.setDrill(true);
        return this;
    }

    public Story outOfScope() {
        context.setScope(Scope.OUT_OF_SCOPE);
        return this;
    }

    public Story inDepartment(String department, Actor handler) {
        context.setDepartment(department).setHandler(handler);
        return this;
    }

    public RequestEvent accepted() {
        return event(RequestEventType.ACCEPTED, DESK,
                Accepted.newBuilder().setReceivedAt(clock).setDescription("厨房水管漏水").build());
    }

    public RequestEvent event(RequestEventType type, Actor actor, Object payload) {
        sequence++;
        RequestEvent event = RequestEvent.newBuilder().setEventId(requestId + "-" + sequence).setRequestId(requestId)
                .setSequence(sequence).setType(type).setOccurredAt(clock).setActor(actor)
                .setContext(context.build()).setPayload(payload).build();
        events.add(event);
        return event;
    }

    public SlaEvent sla(SlaEventKind kind, Stage stage, Actor responsible, String department) {
        SlaEvent event = SlaEvent.newBuilder()
                .setEventId(requestId + "-" + stage + "-1-" + kind)
                .setRequestId(requestId).setKind(kind).setStage(stage).setAttempt(1)
                .setCategory(context.getCategory()).setStartedAt(clock.minus(Duration.ofMinutes(5)))
                .setDeadline(clock).setResponsible(responsible).setDepartment(department)
                .setFirstResponder(DESK).setOccurredAt(clock).setDrill(context.getDrill()).build();
        events.add(event);
        return event;
    }

    /** Everything built so far, in order (request and SLA events interleaved as they happened). */
    public List<Object> events() {
        return List.copyOf(events);
    }
}
