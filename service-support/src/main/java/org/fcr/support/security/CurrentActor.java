package org.fcr.support.security;

import java.util.List;

import org.fcr.events.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import reactor.core.publisher.Mono;

/** Resolves who is calling into the {@link Actor} that signs the events they cause. */
public class CurrentActor {

    private final StaffDirectory directory;

    public CurrentActor(StaffDirectory directory) {
        this.directory = directory;
    }

    public Mono<Actor> get() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .map(this::toActor);
    }

    public Actor toActor(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .toList();
        return directory.actorFor(authentication.getName(), roles);
    }
}
