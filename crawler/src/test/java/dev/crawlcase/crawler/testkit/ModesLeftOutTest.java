package dev.crawlcase.crawler.testkit;

import dev.crawlcase.crawler.task.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModesLeftOutTest {
    @Test
    void aCaseOfALeftOutModeIsSkippedAndEveryOtherRuns() throws Throwable {
        ModesLeftOut interceptor = new ModesLeftOut(EnumSet.of(Mode.PROCESSES));

        Calls processes = new Calls();
        assertThatThrownBy(() -> interceptor.interceptTestTemplateMethod(processes, arguments(Mode.PROCESSES, "gzip"),
                null)).isInstanceOf(TestAbortedException.class).hasMessageContaining("processes");
        assertThat(processes.skipped).isTrue();
        assertThat(processes.proceeded).isFalse();

        Calls sequential = new Calls();
        interceptor.interceptTestTemplateMethod(sequential, arguments(Mode.SEQUENTIAL, "gzip"), null);
        assertThat(sequential.proceeded).isTrue();
    }

    @Test
    void theLabelsAreModesOrTheRunStops() {
        assertThat(ModesLeftOut.leftOut(" processes, io-uring ")).containsExactlyInAnyOrder(Mode.PROCESSES,
                Mode.IO_URING);
        assertThat(ModesLeftOut.leftOut("")).isEmpty();
        assertThatThrownBy(() -> ModesLeftOut.leftOut("process")).hasMessageContaining("no mode is called 'process'");
    }

    private static ReflectiveInvocationContext<Method> arguments(Object... arguments) {
        return new ReflectiveInvocationContext<>() {
            @Override
            public Class<?> getTargetClass() {
                return ModesLeftOutTest.class;
            }

            @Override
            public Method getExecutable() {
                return null;
            }

            @Override
            public List<Object> getArguments() {
                return List.of(arguments);
            }

            @Override
            public Optional<Object> getTarget() {
                return Optional.empty();
            }
        };
    }

    private static final class Calls implements Invocation<Void> {
        boolean proceeded;
        boolean skipped;

        @Override
        public Void proceed() {
            proceeded = true;
            return null;
        }

        @Override
        public void skip() {
            skipped = true;
        }
    }
}
