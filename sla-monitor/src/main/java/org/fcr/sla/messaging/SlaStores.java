package org.fcr.sla.messaging;

/** Names of the state stores, shared by the topology and the interactive queries. */
public final class SlaStores {

    /** requestId → {@link org.fcr.sla.domain.RequestClock}. */
    public static final String CLOCKS = "sla-request-clocks";
    /** {@link DeadlineKey} → marker: every open stage's next alarm, in time order. */
    public static final String DEADLINES = "sla-deadline-index";
    /** {@code department|requestId} → marker: requests with open stages, by department. */
    public static final String BY_DEPARTMENT = "sla-open-by-department";

    private SlaStores() {
    }

    public static String departmentKey(String department, String requestId) {
        return department + "|" + requestId;
    }
}
