package org.fcr.scoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What scoring knows about one request, kept small and keyed by request id: enough to raise the
 * rules that span several events and to compute the request's contribution to the rates. It also
 * remembers which events it has applied, so a replayed event changes nothing.
 */
public class RequestFacts {

    String id;
    long version;
    boolean drill;
    String category;
    String scope;
    String building;
    String customerKey;
    Person firstResponder;
    String department;
    Person handler;
    Instant receivedAt;
    Instant firstSeenAt;
    Set<String> seenEventIds = new LinkedHashSet<>();
    List<String> stageOrder = new ArrayList<>();
    Map<String, Violation> breaches = new HashMap<>();
    Map<String, Integer> met = new HashMap<>();
    Map<String, Integer> breached = new HashMap<>();
    Set<String> routedByRule = new LinkedHashSet<>();
    List<Violation> signoffViolations = new ArrayList<>();
    boolean dispatched;
    boolean acknowledged;
    boolean completed;
    boolean closed;
    int returns;
    int escalations;
    Boolean solved;
    String satisfaction;
    Set<String> contributedTo = new LinkedHashSet<>();

    public RequestFacts() {
    }

    public static RequestFacts start(String requestId) {
        RequestFacts facts = new RequestFacts();
        facts.id = requestId;
        return facts;
    }

    public boolean hasSeen(String eventId) {
        return seenEventIds.contains(eventId);
    }

    /** When the request counts: when the customer reached us, else when we first heard of it. */
    public Instant countedAt() {
        return receivedAt != null ? receivedAt : firstSeenAt;
    }

    public Contribution contribution() {
        return new Contribution(category, building, department, dispatched, acknowledged, returns > 0, solved,
                satisfaction, escalations, Map.copyOf(met), Map.copyOf(breached));
    }

    public String id() { return id; }
    public long version() { return version; }
    public void nextVersion() { version++; }
    public boolean drill() { return drill; }
    public String category() { return category; }
    public String department() { return department; }
    public Person handler() { return handler; }
    public Person firstResponder() { return firstResponder; }
    public String customerKey() { return customerKey; }
    public Set<String> contributedTo() { return contributedTo; }
    public void contributedTo(Set<String> ids) { contributedTo = new LinkedHashSet<>(ids); }
    public boolean completed() { return completed; }
}
