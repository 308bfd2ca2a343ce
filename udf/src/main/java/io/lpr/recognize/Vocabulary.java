package io.lpr.recognize;

/**
 * LPRNet's 23 output classes: the ten digits, the twelve letters allowed on Russian plates (written as the
 * Latin letters that look like the Cyrillic ones: А В Е К М Н О Р С Т У Х) and the CTC blank.
 */
public final class Vocabulary {
    public static final String SYMBOLS = "0123456789ABEKMHOPCTYX-";

    /** Number of classes per time step. */
    public static final int SIZE = SYMBOLS.length();
    /** Index of the CTC blank, which separates repeated symbols and never appears in a plate. */
    public static final int BLANK = SIZE - 1;

    private Vocabulary() {}

    public static char symbol(int index) {
        if (index < 0 || index >= SIZE) {
            throw new IllegalArgumentException("class index " + index + " outside 0.." + (SIZE - 1));
        }
        return SYMBOLS.charAt(index);
    }

    /** The class of a plate symbol, or -1 when the symbol is not in the vocabulary. */
    public static int indexOf(char symbol) {
        return SYMBOLS.indexOf(symbol);
    }
}
