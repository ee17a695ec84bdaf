package org.fcr.scoring.domain;

import java.util.Map;

/** Stage (SPEC §4) and category (SPEC §3) names as people read them in a ledger line's reason. */
final class Names {

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("ACCEPT", "受理"), Map.entry("FILL_IN", "填报"), Map.entry("REGISTER", "登记"),
            Map.entry("DISPATCH", "下传"), Map.entry("TRANSFER", "转派"), Map.entry("ACKNOWLEDGE", "接单"),
            Map.entry("ORGANISE", "组织"), Map.entry("ON_SITE", "到位"), Map.entry("COMPLETE", "完成"),
            Map.entry("REPORT_BACK", "反馈"), Map.entry("NOTIFY_CUSTOMER", "告知客户"),
            Map.entry("DEPARTMENT_REPLY", "部门答复"), Map.entry("REVISIT", "回访"), Map.entry("CONSENT", "确认收费"));

    private static final Map<String, String> CATEGORIES = Map.of("FAULT_REPAIR", "故障报修", "ACCIDENT", "事故处理",
            "SERVICE", "服务受理", "COMPLAINT", "投诉处理", "INFO_RELAY", "信息传递", "ANOMALY_REPORT", "异常报告",
            "OTHER", "其他需求");

    private Names() {
    }

    static String stage(String stage) {
        return ZH.getOrDefault(stage, stage);
    }

    static String category(String category) {
        return CATEGORIES.getOrDefault(category, category);
    }
}
