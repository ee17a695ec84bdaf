package org.fcr.scoring.api;

import org.fcr.scoring.domain.RuleBook;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rules table in force, with its version, so every ledger line can be checked against it. */
@RestController
public class RulesController {

    private final RuleBook book;

    public RulesController(RuleBook book) {
        this.book = book;
    }

    @GetMapping("/api/rules")
    public RuleBook rules() {
        return book;
    }
}
