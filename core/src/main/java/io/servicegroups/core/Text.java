package io.servicegroups.core;

/** Small helpers for error messages. */
final class Text {
    private static final int MAX_SHOWN = 80;

    private Text() {
    }

    /** Cuts long values so that messages stay readable. */
    static String abbreviate(String value) {
        return value.length() <= MAX_SHOWN ? value : value.substring(0, MAX_SHOWN) + "...";
    }

    /** Names a character so that invisible or non-ASCII ones are recognisable. */
    static String describe(char c) {
        if (c >= 0x21 && c < 0x7f) {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }
}
