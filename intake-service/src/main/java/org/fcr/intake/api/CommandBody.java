package org.fcr.intake.api;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The body of a stage command; each command reads the fields it needs (e.g. {@code reason} for
 * return, {@code toDepartment} for forward, {@code result} for complete). {@code expectedVersion}
 * (or an If-Match header) makes the command fail with 409 if the request changed meanwhile.
 */
public record CommandBody(
        @Size(max = 2000) String note,
        @Size(max = 2000) String reason,
        @Size(max = 20) String register,
        @Size(max = 64) String suggestedDepartment,
        @Size(max = 64) String toDepartment,
        @Valid StaffRef handler,
        Instant arrivedAt,
        @Size(max = 2000) String result,
        Boolean qualityPassed,
        Boolean customerSignaturePresent,
        @Size(max = 100) String signedBy,
        @Size(max = 60) String method,
        Boolean solved,
        @Size(max = 30) String satisfaction,
        @Size(max = 2000) String comment,
        Boolean spotCheck,
        @Size(max = 30) String level,
        Instant newReplyBy,
        Long amountFen,
        @Size(max = 64) String receiptNo,
        @Valid StaffRef firstResponder,
        @Size(max = 64) String into,
        Long expectedVersion) {

    static CommandBody empty() {
        return new CommandBody(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }
}
