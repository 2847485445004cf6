package io.servicegroups.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SPEC 3.4: generated names are {@code <adjective>-<noun>-<8 of [a-z0-9]>}. */
class NameGeneratorTest {
    private static final Pattern FORMAT = Pattern.compile("^[a-z]+-[a-z]+-[a-z0-9]{8}$");

    /** Answers the scripted values in order, and records the bounds asked for. */
    private static final class ScriptedRandom implements RandomSource {
        private final Deque<Integer> values = new ArrayDeque<>();
        private final List<Integer> bounds = new ArrayList<>();

        ScriptedRandom(int... values) {
            for (int value : values) {
                this.values.add(value);
            }
        }

        @Override
        public int nextInt(int bound) {
            bounds.add(bound);
            int value = values.isEmpty() ? bound - 1 : values.poll();
            assertThat(value).as("scripted value within bound %d", bound).isBetween(0, bound - 1);
            return value;
        }
    }

    private static void assertWellFormed(String name) {
        assertThat(name).matches(FORMAT).hasSizeLessThanOrEqualTo(Names.MAX_LENGTH);
        assertThatCode(() -> Names.check("name", name)).doesNotThrowAnyException();
        String[] parts = name.split("-");
        assertThat(NameGenerator.ADJECTIVES).contains(parts[0]);
        assertThat(NameGenerator.NOUNS).contains(parts[1]);
    }

    @Test
    void isAdjectiveNounAndEightCharacters() {
        String name = new NameGenerator(new CountingRandom()).generate();

        assertThat(name).isEqualTo("agile-beacon-cdefghij");
        assertWellFormed(name);
    }

    @Test
    void asksForOneAdjectiveOneNounAndEightCharactersOfAToZAndDigits() {
        ScriptedRandom random = new ScriptedRandom();

        String name = new NameGenerator(random).generate();

        assertThat(random.bounds).containsExactly(NameGenerator.ADJECTIVES.size(), NameGenerator.NOUNS.size(),
                36, 36, 36, 36, 36, 36, 36, 36);
        assertThat(name).isEqualTo(NameGenerator.ADJECTIVES.get(NameGenerator.ADJECTIVES.size() - 1) + "-"
                + NameGenerator.NOUNS.get(NameGenerator.NOUNS.size() - 1) + "-99999999");
    }

    @Test
    void everyWordCombinationIsAValidNameOfAtMost63Characters() {
        for (int adjective = 0; adjective < NameGenerator.ADJECTIVES.size(); adjective++) {
            for (int noun = 0; noun < NameGenerator.NOUNS.size(); noun++) {
                String name = new NameGenerator(new ScriptedRandom(adjective, noun)).generate();

                assertWellFormed(name);
                assertThat(name).startsWith(NameGenerator.ADJECTIVES.get(adjective) + "-"
                        + NameGenerator.NOUNS.get(noun) + "-");
            }
        }
    }

    @Test
    void theSuffixUsesTheWholeAlphabet() {
        ScriptedRandom random = new ScriptedRandom(0, 0, 0, 1, 25, 26, 27, 34, 35, 35);

        assertThat(new NameGenerator(random).generate()).endsWith("-abz01899");
    }

    @Test
    void theWordListsAreLowercaseLettersWithoutDuplicates() {
        for (List<String> words : List.of(NameGenerator.ADJECTIVES, NameGenerator.NOUNS)) {
            assertThat(words).isNotEmpty().doesNotHaveDuplicates()
                    .allSatisfy(word -> assertThat(word).matches("[a-z]+"));
        }
        assertThat(NameGenerator.ADJECTIVES).doesNotContainAnyElementsOf(NameGenerator.NOUNS);
    }

    @Test
    void isDeterministicWithAFixedRandomSource() {
        NameGenerator first = new NameGenerator(new CountingRandom(7));
        NameGenerator second = new NameGenerator(new CountingRandom(7));

        for (int i = 0; i < 50; i++) {
            assertThat(first.generate()).isEqualTo(second.generate());
        }
    }

    @Test
    void differsOverManyDrawsFromSecureRandom() {
        NameGenerator generator = new NameGenerator(RandomSource.secure());
        Set<String> names = new HashSet<>();
        Set<String> adjectives = new HashSet<>();
        Set<String> nouns = new HashSet<>();

        for (int i = 0; i < 2000; i++) {
            String name = generator.generate();
            assertWellFormed(name);
            names.add(name);
            adjectives.add(name.split("-")[0]);
            nouns.add(name.split("-")[1]);
        }

        assertThat(names).hasSize(2000);
        assertThat(adjectives).hasSizeGreaterThan(NameGenerator.ADJECTIVES.size() / 2);
        assertThat(nouns).hasSizeGreaterThan(NameGenerator.NOUNS.size() / 2);
    }

    @Test
    void secureAlphanumericHasTheAskedLengthAndAlphabet() {
        RandomSource random = RandomSource.secure();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String value = random.alphanumeric(8);
            assertThat(value).matches("[a-z0-9]{8}");
            value.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(36);
        assertThat(random.alphanumeric(0)).isEmpty();
    }
}
