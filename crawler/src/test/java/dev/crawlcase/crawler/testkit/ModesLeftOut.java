package dev.crawlcase.crawler.testkit;

import dev.crawlcase.crawler.task.Mode;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Leaves out every parameterized case one of whose arguments is a mode named in the system property
 * {@value #PROPERTY} (comma-separated labels, e.g. {@code processes}), as skipped, not passed. {@code .ci/run}'s
 * second pass on JDK 17 leaves out {@code processes} (each of its cases starts worker JVMs, and what it adds over
 * {@code sequential}, a pipe and child processes, does not change with the JDK) and {@code io-uring} (async's code
 * on Netty's native transport). Registered for every test class through
 * JUnit's extension auto-detection ({@code junit-platform.properties}); without the property it does nothing.
 */
public final class ModesLeftOut implements InvocationInterceptor {
    public static final String PROPERTY = "crawlcase.tests.skipModes";

    private final Set<Mode> left;

    public ModesLeftOut() {
        this(leftOut(System.getProperty(PROPERTY, "")));
    }

    ModesLeftOut(Set<Mode> left) {
        this.left = left;
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        for (Object argument : invocationContext.getArguments()) {
            if (argument instanceof Mode && left.contains(argument)) {
                invocation.skip();
                throw new TestAbortedException(argument + " is left out of this run (-D" + PROPERTY + ")");
            }
        }
        invocation.proceed();
    }

    static Set<Mode> leftOut(String labels) {
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        Arrays.stream(labels.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .forEach(label -> modes.add(Arrays.stream(Mode.values()).filter(m -> m.label().equals(label))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(
                                "-D" + PROPERTY + ": no mode is called '" + label + "'"))));
        return modes;
    }
}
