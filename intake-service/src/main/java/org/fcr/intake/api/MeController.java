package org.fcr.intake.api;

import java.util.List;

import org.fcr.support.security.CurrentActor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/** Who is signed in, so the pages can show "my requests" and a department its own queue. */
@RestController
public class MeController {

    public record Me(String employeeId, String name, String department, int rank, List<String> roles) {
    }

    private final CurrentActor currentActor;

    public MeController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in staff member")
    public Mono<Me> me() {
        return ReactiveSecurityContextHolder.getContext().map(c -> c.getAuthentication())
                .map(auth -> {
                    var actor = currentActor.toActor(auth);
                    List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                            .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
                    return new Me(actor.getEmployeeId(), actor.getName(), actor.getDepartment(), actor.getRank(), roles);
                });
    }
}
