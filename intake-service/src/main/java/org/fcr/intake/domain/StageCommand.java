package org.fcr.intake.domain;

import java.util.Arrays;
import java.util.Optional;

/** Every command a person can give a request, by the name used in its URL (/api/requests/{id}/{name}). */
public enum StageCommand {
    FILL_IN("fill-in"), REGISTER("register"), REQUEST_DISPATCH("request-dispatch"),
    ACKNOWLEDGE("acknowledge"), RETURN("return"), FORWARD("forward"), ORGANISE("organise"),
    ON_SITE("on-site"), COMPLETE("complete"), SIGN_OFF("sign-off"), REPORT_BACK("report-back"),
    NOTIFY_CUSTOMER("notify-customer"), REVISIT("revisit"), ESCALATE("escalate"), CLOSE("close"),
    QUOTE("quote"), CONSENT("consent"), REFUSE_CONSENT("refuse-consent"), FEE_PAID("fee-paid"),
    RECEIPT("receipt"), OVERRIDE_FIRST_RESPONDER("first-responder"), MERGE("merge");

    private final String path;

    StageCommand(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<StageCommand> fromPath(String path) {
        return Arrays.stream(values()).filter(c -> c.path.equals(path)).findFirst();
    }

    /** The department's own commands (SPEC §4: acknowledge, return, forward, organise, on site, complete). */
    public boolean departmentCommand() {
        return switch (this) {
            case ACKNOWLEDGE, RETURN, FORWARD, ORGANISE, ON_SITE, COMPLETE -> true;
            default -> false;
        };
    }
}
