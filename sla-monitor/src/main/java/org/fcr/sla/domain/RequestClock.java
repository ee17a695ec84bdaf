package org.fcr.sla.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fcr.events.Category;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.events.Stage;

/**
 * Everything sla-monitor keeps about one request: its open stage clocks, the attempt (a return,
 * forward or reopen starts fresh clocks), and the latest context that names who is responsible.
 */
public final class RequestClock {

    private final String requestId;
    private long lastSequence;
    private int attempt;
    /** Stages already started in this attempt: a repeated trigger does not restart a clock. */
    private int startedMask;
    private RequestFacts facts;
    private boolean drill;
    private String department;
    private Person handler;
    private Person firstResponder;
    /** The department under which the request is listed for {@code GET /api/stages?department=}. */
    private String listedUnder;
    private final List<OpenStage> open;

    public RequestClock(String requestId, long lastSequence, int attempt, int startedMask, RequestFacts facts,
                        boolean drill, String department, Person handler, Person firstResponder, String listedUnder,
                        List<OpenStage> open) {
        this.requestId = requestId;
        this.lastSequence = lastSequence;
        this.attempt = attempt;
        this.startedMask = startedMask;
        this.facts = facts;
        this.drill = drill;
        this.department = department;
        this.handler = handler;
        this.firstResponder = firstResponder;
        this.listedUnder = listedUnder;
        this.open = new ArrayList<>(open);
    }

    public static RequestClock fresh(String requestId) {
        return new RequestClock(requestId, 0, 1, 0,
                new RequestFacts(Category.OTHER, null, RequestSize.SMALL, Scope.IN_SCOPE),
                false, null, null, null, null, List.of());
    }

    public Optional<OpenStage> find(Stage stage) {
        return open.stream().filter(s -> s.stage() == stage).findFirst();
    }

    /** Who answers for a stage: the handler, else the first responder for the desk's own stages. */
    public Person responsibleFor(Stage stage) {
        if (stage == Stage.REVISIT) {
            return firstResponder;
        }
        if (handler != null) {
            return handler;
        }
        return switch (stage) {
            case ACCEPT, FILL_IN, REGISTER, DISPATCH, TRANSFER -> firstResponder;
            default -> null;
        };
    }

    /** The department that answers for a stage: the desk's stages sit with the first responder's department. */
    public String departmentFor(Stage stage) {
        return switch (stage) {
            case ACCEPT, FILL_IN, REGISTER, DISPATCH, TRANSFER, REVISIT ->
                    firstResponder == null ? department : firstResponder.department();
            default -> handlingDepartment();
        };
    }

    /** Where the request belongs in the department listing while it has open stages. */
    public String listingDepartment() {
        return open.isEmpty() ? null : handlingDepartment();
    }

    /** The department the request was dispatched to, else (not dispatched yet) the first responder's. */
    private String handlingDepartment() {
        return department != null ? department : (firstResponder == null ? null : firstResponder.department());
    }

    boolean startedThisAttempt(Stage stage) {
        return (startedMask & (1 << stage.ordinal())) != 0;
    }

    void markStarted(Stage stage) {
        startedMask |= 1 << stage.ordinal();
    }

    void nextAttempt() {
        attempt++;
        startedMask = 0;
    }

    void updateContext(RequestFacts facts, boolean drill, String department, Person handler, Person firstResponder) {
        this.facts = facts;
        this.drill = drill;
        this.department = department;
        this.handler = handler;
        this.firstResponder = firstResponder;
    }

    void seen(long sequence) {
        lastSequence = Math.max(lastSequence, sequence);
    }

    public void listUnder(String department) {
        this.listedUnder = department;
    }

    public List<OpenStage> open() { return open; }
    public String requestId() { return requestId; }
    public long lastSequence() { return lastSequence; }
    public int attempt() { return attempt; }
    public int startedMask() { return startedMask; }
    public RequestFacts facts() { return facts; }
    public boolean drill() { return drill; }
    public String department() { return department; }
    public Person handler() { return handler; }
    public Person firstResponder() { return firstResponder; }
    public String listedUnder() { return listedUnder; }
}
