package org.fcr.intake.api;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * The baseline of bench/accept-benchmark.sh: the same sign-in, body and validation as a create,
 * but no store and no broker, so the benchmark's ratio shows what durability costs. Writes nothing.
 */
@RestController
@Hidden
public class BenchController {

    @PostMapping("/api/bench/bare")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Map<String, String>> bare(@Valid @RequestBody CreateRequestBody body) {
        return Mono.just(Map.of("id", RequestIds.next("bench", null)));
    }
}
