package io.servicegroups.core;

import java.util.List;

/** Generates names of the form {@code <adjective>-<noun>-<8 of [a-z0-9]>}, e.g. {@code young-monkey-uq6dxq0u}. */
public final class NameGenerator {
    public static final int SUFFIX_LENGTH = 8;

    static final List<String> ADJECTIVES = List.of(
            "agile", "amber", "ancient", "autumn", "bold", "brave", "bright", "calm", "clever", "cosmic",
            "crimson", "curious", "daring", "dusty", "eager", "early", "fancy", "fast", "fierce", "gentle",
            "golden", "happy", "hidden", "humble", "icy", "jolly", "keen", "kind", "lively", "lucky",
            "mellow", "merry", "misty", "modest", "noble", "odd", "patient", "polite", "proud", "quick",
            "quiet", "rapid", "rosy", "rustic", "shiny", "silent", "silver", "sleepy", "snowy", "solid",
            "spicy", "steady", "sunny", "swift", "tidy", "tiny", "vivid", "warm", "wild", "wise",
            "witty", "young", "zany", "zesty");

    static final List<String> NOUNS = List.of(
            "badger", "beacon", "bear", "beetle", "bison", "breeze", "butterfly", "canyon", "cedar", "comet",
            "coral", "crane", "dolphin", "eagle", "falcon", "fern", "finch", "fox", "gecko", "glacier",
            "harbor", "hawk", "heron", "island", "jaguar", "koala", "lagoon", "lemur", "lynx", "maple",
            "meadow", "monkey", "moose", "nebula", "otter", "owl", "panda", "parrot", "pebble", "penguin",
            "pine", "planet", "quartz", "rabbit", "raven", "reef", "river", "robin", "salmon", "sparrow",
            "squid", "summit", "tiger", "tulip", "turtle", "valley", "walrus", "whale", "willow", "wolf",
            "yak", "zebra", "orca", "puffin");

    private final RandomSource random;

    public NameGenerator(RandomSource random) {
        this.random = random;
    }

    public String generate() {
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size()))
                + "-" + NOUNS.get(random.nextInt(NOUNS.size()))
                + "-" + random.alphanumeric(SUFFIX_LENGTH);
    }
}
