package org.fcr.dispatch.api;

import jakarta.validation.Valid;

import org.fcr.dispatch.config.DispatchProperties;
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

/** Departments and their duty rosters: anyone signed in reads, admins write. */
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

    private final RoutingCatalog catalog;
    private final RoutingTables tables;
    private final DispatchProperties properties;

    DepartmentController(RoutingCatalog catalog, RoutingTables tables, DispatchProperties properties) {
        this.catalog = catalog;
        this.tables = tables;
        this.properties = properties;
    }

    @GetMapping
    Flux<DepartmentForm> list() {
        return catalog.departments();
    }

    @GetMapping("/{code}")
    Mono<DepartmentForm> get(@PathVariable String code) {
        return catalog.department(code).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Department", code)));
    }

    /** Creates or replaces a department; the roster is checked (times, days) before it is stored. */
    @PutMapping("/{code}")
    Mono<DepartmentForm> put(@PathVariable String code, @Valid @RequestBody DepartmentForm form) {
        if (!code.equals(form.code())) {
            throw ApiProblem.badRequest("code-mismatch", "The body's code " + form.code() + " is not " + code);
        }
        try {
            org.fcr.schemas.Topics.dispatchFor(code); // the code names the department's topic
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("bad-code", e.getMessage()).with("field", "code");
        }
        return catalog.save(form).flatMap(saved -> tables.changed().thenReturn(saved));
    }

    /** The desk and departments that rules still send to cannot go: requests would have nowhere to land. */
    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String code) {
        if (code.equals(properties.getDesk())) {
            throw ApiProblem.conflict("desk-required", "The desk " + code + " catches every unrouted request and cannot be deleted");
        }
        return catalog.rulesTo(code).flatMap(rules -> rules.isEmpty() ? catalog.deleteDepartment(code)
                        : Mono.error(ApiProblem.conflict("department-in-use", "Rules still route to " + code).with("rules", rules)))
                .flatMap(deleted -> deleted ? tables.changed() : Mono.error(ApiProblem.notFound("Department", code)));
    }
}
