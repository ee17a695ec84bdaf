package org.fcr.dispatch.store;

import java.util.List;

import org.fcr.dispatch.api.DepartmentForm;
import org.fcr.dispatch.api.RuleForm;
import org.fcr.dispatch.domain.RoutingTable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Departments and routing rules in MongoDB. Both collections are small (tens of documents);
 * dispatching reads them through {@link RoutingTables} (in memory, reloaded on change), the admin
 * API and the routing tester read them here.
 */
@Repository
public class RoutingCatalog {

    private final ReactiveMongoTemplate mongo;

    public RoutingCatalog(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<RoutingTable> table(String deskCode) {
        return Mono.zip(departments().collectList(), rules().collectList())
                .map(t -> new RoutingTable(
                        t.getT1().stream().map(DepartmentForm::toDepartment).toList(),
                        t.getT2().stream().map(RuleForm::toRule).toList(),
                        deskCode));
    }

    public Flux<DepartmentForm> departments() {
        return mongo.findAll(DepartmentDocument.class).map(DepartmentDocument::toForm)
                .sort((a, b) -> a.code().compareTo(b.code()));
    }

    public Mono<DepartmentForm> department(String code) {
        return mongo.findById(code, DepartmentDocument.class).map(DepartmentDocument::toForm);
    }

    /** Stores the canonical form (full day names, HH:mm), after the domain has accepted it. */
    public Mono<DepartmentForm> save(DepartmentForm form) {
        return Mono.fromCallable(() -> DepartmentForm.of(form.toDepartment()))
                .flatMap(canonical -> mongo.save(DepartmentDocument.of(canonical))).map(DepartmentDocument::toForm);
    }

    public Mono<Boolean> deleteDepartment(String code) {
        return mongo.remove(Query.query(Criteria.where("_id").is(code)), DepartmentDocument.class)
                .map(result -> result.getDeletedCount() > 0);
    }

    public Flux<RuleForm> rules() {
        return mongo.find(new Query().with(Sort.by("priority", "_id")), RuleDocument.class).map(RuleDocument::toForm);
    }

    public Mono<RuleForm> rule(String id) {
        return mongo.findById(id, RuleDocument.class).map(RuleDocument::toForm);
    }

    public Mono<RuleForm> save(RuleForm form) {
        return Mono.fromCallable(() -> RuleForm.of(form.toRule()))
                .flatMap(canonical -> mongo.save(RuleDocument.of(canonical))).map(RuleDocument::toForm);
    }

    public Mono<Boolean> deleteRule(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), RuleDocument.class)
                .map(result -> result.getDeletedCount() > 0);
    }

    /** Rules that send requests to a department (a department in use cannot be deleted). */
    public Mono<List<String>> rulesTo(String department) {
        return rules().filter(r -> department.equals(r.department())).map(RuleForm::id).collectList();
    }
}
