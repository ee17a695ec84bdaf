package org.fcr.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** What a newcomer needs after the start: where the pages and APIs are and how to sign in. */
final class StartupBanner {

    private StartupBanner() {
    }

    static void print(PrintStream out, List<ServiceSpec> services, String kafka, String mongo, Path data,
                      String password, double seconds, long rssKb) {
        out.println();
        out.println("首问责任制平台已启动 / First-contact responsibility platform is up"
                + String.format(" in %.1f s, services + launcher RSS %d MB", seconds, rssKb / 1024));
        out.println("  Kafka (KRaft)   " + kafka);
        out.println("  MongoDB (embedded mongo-java-server, H2) " + mongo);
        out.println("  Data folder     " + data.toAbsolutePath());
        for (ServiceSpec service : services) {
            out.printf("  %-21s %s   API docs %s/swagger-ui.html%n", service.module(), service.baseUrl(), service.baseUrl());
            for (String page : service.pages()) {
                out.println("      page  " + service.baseUrl() + page);
            }
        }
        out.println("  演示用户 / Demo users: desk01 desk02 (前台 desk), staff01 (员工 staff), eng01 eng02 sec01 clean01"
                + " (部门 department), sup01 (主管 supervisor), mgr01 (管理处主任 manager), admin");
        out.println("  密码 / Password: " + password + "   (kept in " + data.resolve("demo-password") + ")");
        out.println("  按 Ctrl-C 停止 / Press Ctrl-C to stop.");
    }
}
