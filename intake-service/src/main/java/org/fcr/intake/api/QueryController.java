package org.fcr.intake.api;

import java.time.Instant;

import org.fcr.intake.store.OpenWork;
import org.fcr.intake.store.RequestFilter;
import org.fcr.intake.store.RequestQueries;
import org.fcr.support.problem.ApiProblem;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Lists for the desk and the departments: filtered, paged and sorted. */
@RestController
@Tag(name = "queries", description = "lists of requests, a department's queue")
public class QueryController {

    static final int MAX_PAGE_SIZE = 200;

    private final RequestQueries queries;
    private final OpenWork openWork;

    public QueryController(RequestQueries queries, OpenWork openWork) {
        this.queries = queries;
        this.openWork = openWork;
    }

    @GetMapping("/api/requests")
    @Operation(summary = "List requests", description = "Filters: status, stage, category, channel, register, "
            + "firstResponder, department, handler, returnedBy, from/to (receivedAt, ISO instants), overdue; "
            + "page (from 0), size (≤ 200), sort=field,asc|desc")
    public Mono<PageOf<RequestSummary>> list(@RequestParam(required = false) String status,
                                             @RequestParam(required = false) String stage,
                                             @RequestParam(required = false) String category,
                                             @RequestParam(required = false) String channel,
                                             @RequestParam(required = false) String register,
                                             @RequestParam(required = false) String firstResponder,
                                             @RequestParam(required = false) String department,
                                             @RequestParam(required = false) String handler,
                                             @RequestParam(required = false) String returnedBy,
                                             @RequestParam(required = false) Instant from,
                                             @RequestParam(required = false) Instant to,
                                             @RequestParam(required = false) Boolean overdue,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "50") int size,
                                             @RequestParam(defaultValue = "receivedAt,desc") String sort) {
        RequestFilter filter = new RequestFilter(upper(status), upper(stage), upper(category), upper(channel),
                upper(register), firstResponder, department, handler, returnedBy, from, to, overdue);
        return page(filter, page, size, sort);
    }

    @GetMapping("/api/departments/{department}/queue")
    @Operation(summary = "A department's open tickets (what was dispatched to it), nearest deadline first")
    public Mono<PageOf<RequestSummary>> queue(@PathVariable String department,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "100") int size) {
        if (openWork.loaded()) {
            checkPage(page, size);
            return Mono.fromSupplier(() -> pageOf(openWork.queue(department, page, size), page, size))
                    .subscribeOn(Schedulers.parallel());
        }
        // before the open work is loaded: from the store, without what waits for dispatch (counted all the same)
        RequestFilter filter = new RequestFilter("OPEN", null, null, null, null, null, department, null, null,
                null, null, null);
        return page(filter, page, size, "nextDeadline,asc")
                .map(p -> new PageOf<>(p.items().stream().filter(QueryController::withDepartment).toList(),
                        p.page(), p.size(), p.total()));
    }

    @GetMapping("/api/departments/{department}/returned")
    @Operation(summary = "Tickets the department returned (退单), newest first",
            description = "Those still open (from memory) by default; status=ALL adds the closed ones (a scan of "
                    + "the archive, for reports)")
    public Mono<PageOf<RequestSummary>> returned(@PathVariable String department,
                                                 @RequestParam(defaultValue = "OPEN") String status,
                                                 @RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "50") int size) {
        String wanted = upper(status);
        if (!"OPEN".equals(wanted) && !"ALL".equals(wanted)) {
            throw ApiProblem.badRequest("validation", "status is OPEN or ALL").with("field", "status");
        }
        RequestFilter filter = new RequestFilter("ALL".equals(wanted) ? null : wanted, null, null, null, null, null,
                null, null, department, null, null, null);
        return page(filter, page, size, "updatedAt,desc");
    }

    /** A returned or forwarded ticket keeps its last department until re-dispatched: it is no longer in the queue. */
    private static boolean withDepartment(RequestSummary s) {
        return !"AWAITING_DISPATCH".equals(s.stage());
    }

    private Mono<PageOf<RequestSummary>> page(RequestFilter filter, int page, int size, String sort) {
        checkPage(page, size);
        String[] parts = sort.split(",");
        if (!RequestQueries.SORTABLE.contains(parts[0])) {
            throw ApiProblem.badRequest("validation", "sort by one of " + RequestQueries.SORTABLE).with("field", "sort");
        }
        Sort.Direction direction = parts.length > 1 && parts[1].equalsIgnoreCase("asc") ? Sort.Direction.ASC : Sort.Direction.DESC;
        if ("OPEN".equals(filter.status()) && openWork.loaded()) {
            // the hot lists (desk, department queues) come from memory, never from a scan of the store
            // a pass over every open request: on a worker, never on the event loop that serves the desks' accepts
            return Mono.fromSupplier(() -> pageOf(openWork.page(filter, page, size, parts[0], direction), page, size))
                    .subscribeOn(Schedulers.parallel());
        }
        return queries.find(filter, page, size, parts[0], direction).map(RequestSummary::of).collectList()
                .zipWith(queries.count(filter))
                .map(t -> new PageOf<>(t.getT1(), page, size, t.getT2()));
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest("validation", "page ≥ 0 and 1 ≤ size ≤ " + MAX_PAGE_SIZE).with("field", "size");
        }
    }

    private static PageOf<RequestSummary> pageOf(OpenWork.Page found, int page, int size) {
        return new PageOf<>(found.lines().stream().map(RequestSummary::of).toList(), page, size, found.total());
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
