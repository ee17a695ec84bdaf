package org.fcr.dispatch.api;

import jakarta.validation.Valid;

import org.fcr.dispatch.store.RoutingCatalog;
import org.fcr.dispatch.store.RoutingTables;
import org.fcr.support.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Routing rules in priority order: anyone signed in reads, admins write. */
@RestController
@RequestMapping("/api/routing/rules")
class RuleController {

    private final RoutingCatalog catalog;
    private final RoutingTables tables;

    RuleController(RoutingCatalog catalog, RoutingTables tables) {
        this.catalog = catalog;
        this.tables = tables;
    }

    @GetMapping
    Flux<RuleForm> list() {
        return catalog.rules();
    }

    @GetMapping("/{id}")
    Mono<RuleForm> get(@PathVariable String id) {
        return catalog.rule(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Routing rule", id)));
    }

    /** Creates or replaces a rule; it must lead to a department that exists. */
    @PutMapping("/{id}")
    Mono<RuleForm> put(@PathVariable String id, @Valid @RequestBody RuleForm form) {
        if (!id.equals(form.id())) {
            throw ApiProblem.badRequest("id-mismatch", "The body's id " + form.id() + " is not " + id);
        }
        form.toRule();
        return catalog.department(form.department())
                .switchIfEmpty(Mono.error(() -> ApiProblem.badRequest("unknown-department",
                        "Department " + form.department() + " does not exist").with("field", "department")))
                .then(catalog.save(form)).flatMap(saved -> tables.changed().thenReturn(saved));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String id) {
        return catalog.deleteRule(id)
                .flatMap(deleted -> deleted ? tables.changed() : Mono.error(ApiProblem.notFound("Routing rule", id)));
    }
}
