package org.fcr.dispatch.config;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.fcr.dispatch.api.DepartmentForm;
import org.fcr.dispatch.api.RuleForm;
import org.fcr.dispatch.domain.PingPongPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Dispatch settings: the desk that catches whatever no rule takes, the local time zone of rosters
 * and rule windows, the ping-pong limit, and the seed set written at first start
 * ({@code dispatch-seed.yml}).
 */
@ConfigurationProperties("fcr.dispatch")
public class DispatchProperties {

    /** The desk (客服中心): the fallback of every route; it never refuses. */
    private String desk = "customer-service";
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    /** Returns since the last arbitration that make a ping-pong (推诿扯皮). */
    private int returnsBeforeArbitration = 2;
    /** Whose manager arbitrates a ping-pong (管理处主任). */
    private String arbitrationDepartment = "administration";
    /** Whether to consume fcr.requests (off for page-only test contexts). */
    private boolean consume = true;
    /** How often the routing-table version is checked (edits made on another instance). */
    private java.time.Duration tableRefresh = java.time.Duration.ofSeconds(2);
    /** Consumer threads on fcr.requests (each handles whole poll batches of its partitions). */
    private int consumers = 1;
    /** Whether the listener waits for each batch's offset commit (a lost commit only replays a batch). */
    private boolean syncCommits = false;
    /** Requests of one batch worked at the same time. */
    private int batchConcurrency = 64;
    private Seed seed = new Seed();

    public PingPongPolicy pingPongPolicy() {
        return new PingPongPolicy(returnsBeforeArbitration, arbitrationDepartment);
    }

    public static class Seed {
        private List<DepartmentForm> departments = new ArrayList<>();
        private List<RuleForm> rules = new ArrayList<>();

        public List<DepartmentForm> getDepartments() { return departments; }
        public void setDepartments(List<DepartmentForm> departments) { this.departments = departments; }
        public List<RuleForm> getRules() { return rules; }
        public void setRules(List<RuleForm> rules) { this.rules = rules; }
    }

    public String getDesk() { return desk; }
    public void setDesk(String desk) { this.desk = desk; }
    public ZoneId getZone() { return zone; }
    public void setZone(ZoneId zone) { this.zone = zone; }
    public int getReturnsBeforeArbitration() { return returnsBeforeArbitration; }
    public void setReturnsBeforeArbitration(int returnsBeforeArbitration) { this.returnsBeforeArbitration = returnsBeforeArbitration; }
    public String getArbitrationDepartment() { return arbitrationDepartment; }
    public void setArbitrationDepartment(String arbitrationDepartment) { this.arbitrationDepartment = arbitrationDepartment; }
    public boolean isConsume() { return consume; }
    public void setConsume(boolean consume) { this.consume = consume; }
    public java.time.Duration getTableRefresh() { return tableRefresh; }
    public void setTableRefresh(java.time.Duration tableRefresh) { this.tableRefresh = tableRefresh; }
    public int getConsumers() { return consumers; }
    public void setConsumers(int consumers) { this.consumers = consumers; }
    public boolean isSyncCommits() { return syncCommits; }
    public void setSyncCommits(boolean syncCommits) { this.syncCommits = syncCommits; }
    public int getBatchConcurrency() { return batchConcurrency; }
    public void setBatchConcurrency(int batchConcurrency) { this.batchConcurrency = batchConcurrency; }
    public Seed getSeed() { return seed; }
    public void setSeed(Seed seed) { this.seed = seed; }
}
