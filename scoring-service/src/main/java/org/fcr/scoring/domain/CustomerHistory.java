package org.fcr.scoring.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The small per-customer index (keyed by phone, else unit) that makes a repeat complaint visible
 * without scanning requests: the customer's recent requests and the repeats already judged ("request:RULE").
 */
public class CustomerHistory {

    String id;
    long version;
    List<PastRequest> requests = new ArrayList<>();
    Set<String> judgedPairs = new LinkedHashSet<>();

    public CustomerHistory() {
    }

    public static CustomerHistory of(String customerKey) {
        CustomerHistory history = new CustomerHistory();
        history.id = customerKey;
        return history;
    }

    public String id() { return id; }
    public long version() { return version; }
    public void nextVersion() { version++; }
    public List<PastRequest> requests() { return List.copyOf(requests); }
}
