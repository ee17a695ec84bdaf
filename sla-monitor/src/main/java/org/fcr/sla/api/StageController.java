package org.fcr.sla.api;

import java.util.Comparator;
import java.util.List;

import org.fcr.sla.store.OpenStages;
import org.fcr.support.problem.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Open stages and their deadlines, for a request or a department, soonest deadline first. */
@RestController
@RequestMapping("/api/stages")
public class StageController {

    private static final int DEPARTMENT_LIMIT = 500;

    private final OpenStages openStages;

    public StageController(OpenStages openStages) {
        this.openStages = openStages;
    }

    @GetMapping
    public List<OpenStageView> list(@RequestParam(required = false) String requestId,
                                    @RequestParam(required = false) String department) {
        if ((requestId == null) == (department == null)) {
            throw ApiProblem.badRequest("one-filter", "Give exactly one of requestId or department");
        }
        List<OpenStageView> views = requestId != null
                ? openStages.ofRequest(requestId).map(OpenStageView::of).orElse(List.of())
                : openStages.ofDepartment(department, DEPARTMENT_LIMIT).stream().flatMap(c -> OpenStageView.of(c).stream()).toList();
        return views.stream().sorted(Comparator.comparing(OpenStageView::deadline)).toList();
    }
}
