package org.fcr.local.simulator;

import java.util.List;
import java.util.Random;

/**
 * What a residential property company's hotline hears in a day, in plausible proportions:
 * mostly repairs and services, some complaints, a few relays, anomalies and accidents.
 */
final class CategoryMix {

    record Kind(String category, String subcategory, String size, String scope, int weight, List<String> descriptions) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("FAULT_REPAIR", "水电", "SMALL", "IN_SCOPE", 22, List.of("厨房水管漏水", "卫生间跳闸", "楼道灯不亮", "水龙头关不紧")),
            new Kind("FAULT_REPAIR", "设备", "LARGE", "IN_SCOPE", 10, List.of("电梯困人后停运", "地下车库水泵异响", "门禁读卡器失灵")),
            new Kind("FAULT_REPAIR", "设施", "SMALL", "IN_SCOPE", 10, List.of("单元门闭门器损坏", "扶手松动", "路灯不亮")),
            new Kind("SERVICE", "保洁", "SMALL", "IN_SCOPE", 12, List.of("楼道有装修垃圾未清", "电梯轿厢有污渍")),
            new Kind("SERVICE", "绿化", "SMALL", "IN_SCOPE", 5, List.of("草坪需修剪", "树枝挡住窗户")),
            new Kind("SERVICE", "有偿维修", "SMALL", "OUT_OF_SCOPE", 6, List.of("户内更换热水器阀门（有偿）", "户内疏通下水（有偿）")),
            new Kind("SERVICE", "停车", "SMALL", "IN_SCOPE", 4, List.of("车位被占用", "访客车辆登记")),
            new Kind("COMPLAINT", null, "SMALL", "IN_SCOPE", 10, List.of("夜间装修噪音扰民", "维修人员迟到", "保洁不到位")),
            new Kind("INFO_RELAY", null, "SMALL", "IN_SCOPE", 8, List.of("明日停水通知需张贴", "业主反映快递柜故障")),
            new Kind("ANOMALY_REPORT", null, "SMALL", "IN_SCOPE", 5, List.of("消防通道堆放杂物", "巡检未按计划完成")),
            new Kind("ACCIDENT", null, "SMALL", "IN_SCOPE", 2, List.of("地库车辆刮擦", "老人在小区内摔倒")),
            new Kind("OTHER", null, "SMALL", "IN_SCOPE", 6, List.of("咨询物业费缴纳方式", "借用活动室")));

    private CategoryMix() {
    }

    static Kind pick(Random random) {
        int total = KINDS.stream().mapToInt(Kind::weight).sum();
        int roll = random.nextInt(total);
        for (Kind kind : KINDS) {
            roll -= kind.weight();
            if (roll < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights changed while picking");
    }
}
