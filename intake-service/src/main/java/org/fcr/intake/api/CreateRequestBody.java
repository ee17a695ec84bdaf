package org.fcr.intake.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 受理: a request as the hotline, a web form, an app or any employee records it. */
public record CreateRequestBody(
        @NotBlank @Size(max = 20) String channel,
        @NotBlank @Size(max = 20) String category,
        @Size(max = 60) String subcategory,
        @Size(max = 10) String size,
        @Size(max = 20) String scope,
        Boolean major,
        Boolean paid,
        Boolean drill,
        @NotNull @Valid CustomerBody customer,
        @Size(max = 200) String building,
        @NotBlank @Size(max = 4000) String description,
        Instant receivedAt,
        Instant promisedBy,
        @Size(max = 500) String promisedResult,
        @Size(max = 200) String customerConfirmation,
        @Valid StaffRef firstResponder,
        @Size(max = 20) List<@Valid StaffRef> askedTogether,
        Boolean dispatch,
        @Size(max = 64) String suggestedDepartment) {

    public record CustomerBody(@NotBlank @Size(max = 100) String name,
                               @Size(max = 200) String unit,
                               @Size(max = 32) @Pattern(regexp = "[0-9+\\- ()]*", message = "digits only") String phone) {
    }
}
