package org.fcr.support;

import java.util.concurrent.TimeUnit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.fcr.support.problem.ApiProblem;
import org.fcr.support.security.ApiAuthorizationRules;
import org.fcr.support.security.CurrentActor;
import org.fcr.support.security.Role;
import org.fcr.support.security.SecurityConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClients;

import reactor.core.publisher.Mono;

/** A minimal service standing on service-support, to test what every real service inherits. */
@SpringBootApplication
public class SupportTestApplication {

    record Note(@NotBlank String text, java.util.List<String> tags) {
    }

    /** API bodies are plain records: Avro classes do not serialize as JSON. */
    record Signer(String employeeId, String name, int rank) {
    }

    @Bean
    ApiAuthorizationRules managersOnlyForNotes() {
        return exchanges -> exchanges.matchers(SecurityConfiguration.writesUnder("/api/notes/**"))
                .hasRole(Role.MANAGER.name());
    }

    static final ReactiveMongoTemplate UNREACHABLE_STORE = new ReactiveMongoTemplate(MongoClients.create(
            MongoClientSettings.builder().applyConnectionString(new ConnectionString("mongodb://127.0.0.1:1"))
                    .applyToClusterSettings(c -> c.serverSelectionTimeout(300, TimeUnit.MILLISECONDS)).build()), "notes");

    @RestController
    static class NotesController {
        private final CurrentActor currentActor;

        NotesController(CurrentActor currentActor) {
            this.currentActor = currentActor;
        }

        @PostMapping("/api/notes")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<Signer> create(@Valid @RequestBody Note note) {
            return currentActor.get().map(a -> new Signer(a.getEmployeeId(), a.getName(), a.getRank()));
        }

        /** Notes kept in a store that is down (nothing listens on port 1): the way a killed MongoDB looks. */
        @GetMapping("/api/notes/archive")
        Mono<Long> archive() {
            return UNREACHABLE_STORE.count(new Query(), "notes");
        }

        /** A bug of ours: what a caller sees of it must not show the internals. */
        @GetMapping("/api/notes/broken")
        Mono<Note> broken() {
            return Mono.error(new IllegalStateException("internal detail: secret-table-name"));
        }

        @GetMapping("/api/notes/{id}")
        Mono<Note> get(@PathVariable String id) {
            throw ApiProblem.notFound("Note", id).with("hint", "there are no notes");
        }
    }
}
