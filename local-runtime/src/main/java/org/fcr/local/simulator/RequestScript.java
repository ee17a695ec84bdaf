package org.fcr.local.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import tools.jackson.databind.JsonNode;

/**
 * Plays one planned request through intake's public API the way its people would: the desk
 * records it, the department acts (in time or not, handing it back or on), the desk reports back
 * and revisits. Waits are in simulated minutes; the clock divides them by the speed-up.
 */
final class RequestScript {

    private static final Map<String, String> DEPARTMENT_USER = Map.of(
            "engineering", "eng01", "security", "sec01", "cleaning", "clean01", "customer-service", "desk02");
    private static final List<String> OTHER_DEPARTMENTS = List.of("engineering", "security", "cleaning", "customer-service");

    private final ApiClient api;
    private final String intake;
    private final LongConsumer sleepSimulatedMinutes;
    private final boolean drill;

    RequestScript(ApiClient api, String intakeUrl, LongConsumer sleepSimulatedMinutes, boolean drill) {
        this.api = api;
        this.intake = intakeUrl;
        this.sleepSimulatedMinutes = sleepSimulatedMinutes;
        this.drill = drill;
    }

    /** Runs the whole script; returns the request id, or null when intake refused it. */
    String play(PlannedRequest plan) {
        String id = create(plan, plan.description());
        if (id == null) {
            return null;
        }
        switch (plan.behaviour()) {
            case RETURNED_WITH_REASON -> handBack(id, 1);
            case PING_PONG -> {
                handBack(id, 2); // bounced twice: waits for the manager's arbitration
                return id;
            }
            case FORWARDED -> forward(id);
            default -> { }
        }
        work(id, plan.behaviour());
        if (plan.behaviour() == Behaviour.UNHAPPY_REVISIT) {
            // not solved at the return visit: reopened, the desk sends it down again
            sleepSimulatedMinutes.accept(2);
            command(id, "desk01", "request-dispatch", Map.of("note", "回访未解决，重新下传"));
            work(id, Behaviour.ON_TIME);
        }
        if (plan.behaviour() == Behaviour.REPEAT_COMPLAINT) {
            sleepSimulatedMinutes.accept(20);
            create(plan, "再次投诉：" + plan.description());
        }
        return id;
    }

    private String create(PlannedRequest plan, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", plan.channel());
        body.put("category", plan.category());
        if (plan.subcategory() != null) {
            body.put("subcategory", plan.subcategory());
        }
        body.put("size", plan.size());
        body.put("scope", plan.scope());
        body.put("major", plan.major());
        body.put("paid", "OUT_OF_SCOPE".equals(plan.scope()));
        body.put("drill", drill);
        body.put("building", plan.building());
        body.put("customer", Map.of("name", plan.customerName(), "unit", plan.unit(), "phone", plan.phone()));
        body.put("description", description);
        body.put("receivedAt", Instant.now().toString());
        body.put("promisedResult", "按时修复并回访");
        var answer = api.post(intake + "/api/requests", plan.firstResponder(), body);
        return answer.ok() ? answer.body().path("id").asText(null) : null;
    }

    private void handBack(String id, int times) {
        for (int i = 0; i < times; i++) {
            JsonNode view = awaitCommand(id, "acknowledge");
            if (view == null) {
                return;
            }
            String department = view.path("department").asText("");
            sleepSimulatedMinutes.accept(3);
            String suggested = otherThan(department);
            command(id, userOf(department), "return", Map.of(
                    "reason", "非本部门职责，应由" + suggested + "处理 / not ours, belongs to " + suggested,
                    "suggestedDepartment", suggested));
        }
    }

    private void forward(String id) {
        JsonNode view = awaitCommand(id, "acknowledge");
        if (view == null) {
            return;
        }
        String department = view.path("department").asText("");
        String to = otherThan(department);
        sleepSimulatedMinutes.accept(2);
        command(id, userOf(department), "forward", Map.of("toDepartment", to, "reason", "转派至责任部门 / forwarded to the owner"));
    }

    private void work(String id, Behaviour behaviour) {
        JsonNode view = awaitCommand(id, "acknowledge");
        if (view == null) {
            return;
        }
        String user = userOf(view.path("department").asText(""));
        sleepSimulatedMinutes.accept(behaviour == Behaviour.LATE_ACKNOWLEDGE ? 30 : 1);
        command(id, user, "acknowledge", Map.of("handler", user));
        boolean paid = view.path("paid").asBoolean(false);
        if (paid) { // out-of-scope paid service: quote and consent before anyone goes on site
            sleepSimulatedMinutes.accept(2);
            command(id, "desk01", "quote", Map.of("amountFen", 8000, "note", "上门服务费 80 元"));
            command(id, "desk01", "consent", Map.of("note", "业主电话同意"));
        }
        sleepSimulatedMinutes.accept(behaviour == Behaviour.LATE_ON_SITE ? 25 : 4);
        command(id, user, "on-site", Map.of("arrivedAt", Instant.now().toString()));
        sleepSimulatedMinutes.accept(8);
        command(id, user, "complete", Map.of("result", "已处理完毕 / done", "qualityPassed", true,
                "customerSignaturePresent", true));
        sleepSimulatedMinutes.accept(1);
        command(id, user, "sign-off", Map.of("signedBy", "业主本人", "method", "现场签字"));
        command(id, user, "report-back", Map.of("result", "已处理完毕并告知业主"));
        sleepSimulatedMinutes.accept(1);
        command(id, "desk01", "notify-customer", Map.of("method", "电话"));
        sleepSimulatedMinutes.accept(30);
        boolean happy = behaviour != Behaviour.UNHAPPY_REVISIT;
        command(id, "desk01", "revisit", Map.of("solved", happy,
                "satisfaction", happy ? "SATISFIED" : "NOT_SATISFIED",
                "comment", happy ? "满意" : "问题未解决"));
        if (happy && paid) {
            command(id, user, "fee-paid", Map.of("amountFen", 8000, "method", "微信"));
            command(id, "desk01", "receipt", Map.of("receiptNo", "SJ-" + id));
        }
        if (happy) {
            command(id, "desk01", "close", Map.of("reason", "已回访，业主满意"));
        }
    }

    private void command(String id, String user, String command, Map<String, Object> body) {
        api.post(intake + "/api/requests/" + id + "/" + command, user, body);
    }

    /** Polls the request until the command is allowed (dispatch works asynchronously); null if it never is. */
    private JsonNode awaitCommand(String id, String command) {
        for (int attempt = 0; attempt < 120; attempt++) {
            var answer = api.get(intake + "/api/requests/" + id, "desk01");
            if (answer.ok()) {
                for (JsonNode allowed : answer.body().path("expected")) {
                    if (allowed.asText().equals(command)) {
                        return answer.body();
                    }
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** The department a simulated handler names when the ticket is not theirs. */
    private static String otherThan(String department) {
        return OTHER_DEPARTMENTS.stream().filter(d -> !d.equals(department)).findFirst().orElse("customer-service");
    }

    private static String userOf(String department) {
        return DEPARTMENT_USER.getOrDefault(department, "sup01");
    }
}
