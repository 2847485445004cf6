package io.servicegroups.api.support;

import io.servicegroups.core.RandomSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The random source of the tests: secure random, except for draws a test scripts in advance (to make a
 * generated name or DNS suffix repeat on purpose).
 */
@Alternative
@Priority(1)
@Singleton
public class ScriptedRandom implements RandomSource {
    private static final ConcurrentLinkedQueue<Integer> SCRIPT = new ConcurrentLinkedQueue<>();
    private final RandomSource secure = RandomSource.secure();

    /** The next {@code count} draws answer 0: a generated name is then {@code agile-badger-aaaaaaaa}. */
    public static void zeros(int count) {
        for (int i = 0; i < count; i++) {
            SCRIPT.add(0);
        }
    }

    public static void clear() {
        SCRIPT.clear();
    }

    @Override
    public int nextInt(int bound) {
        Integer scripted = SCRIPT.poll();
        return scripted == null ? secure.nextInt(bound) : scripted % bound;
    }
}
