package org.fcr.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fcr.intake.config.IntakeProperties;
import org.junit.jupiter.api.Test;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Accepts past the limit are shed at once; a slot comes back however an accept ends. */
class AcceptAdmissionTest {

    final AcceptAdmission admission = new AcceptAdmission(
            new IntakeProperties(null, null, null, null, false, null, null, null, 2, null, null, null));

    @Test
    void pastTheLimitAnAcceptIsShedWithoutRunning() {
        Sinks.One<String> first = Sinks.one();
        Sinks.One<String> second = Sinks.one();
        admission.admit(first::asMono).subscribe();
        admission.admit(second::asMono).subscribe();
        boolean[] ran = {false};

        assertThatThrownBy(() -> admission.admit(() -> {
            ran[0] = true;
            return Mono.just("third");
        }).block()).isInstanceOf(AcceptAdmission.Overloaded.class).hasMessageContaining("受理繁忙");
        assertThat(ran[0]).isFalse();
        assertThat(admission.inFlight()).isEqualTo(2);
    }

    @Test
    void aSlotComesBackWhenAnAcceptSucceedsFailsIsCancelledOrThrows() {
        Sinks.One<String> succeeds = Sinks.one();
        Sinks.One<String> fails = Sinks.one();
        admission.admit(succeeds::asMono).subscribe();
        admission.admit(fails::asMono).subscribe(v -> { }, e -> { });
        succeeds.tryEmitValue("ok");
        fails.tryEmitError(new IllegalStateException("store down"));
        assertThat(admission.inFlight()).isZero();

        Disposable cancelled = admission.admit(Mono::never).subscribe();
        cancelled.dispose();
        assertThatThrownBy(() -> admission.admit(() -> {
            throw new IllegalArgumentException("bad body");
        }).block()).isInstanceOf(IllegalArgumentException.class);

        assertThat(admission.inFlight()).isZero();
        assertThat(admission.admit(() -> Mono.just("next")).block()).isEqualTo("next");
    }
}
