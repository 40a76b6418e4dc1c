package org.opdqueue.token;

/**
 * The letter in a token number says where the number came from: none for online issuing (MED-042), a kiosk's own
 * letter for its offline reserve (MED-K007), and {@link #PAPER} for paper token books (MED-P0123). Because each
 * source has its own letter, numbers from different sources can never be the same number.
 */
public final class NumberSeries {

    public static final String ONLINE = "";

    /** Paper token books; never given to a kiosk (the database refuses it too). */
    public static final String PAPER = "P";

    private NumberSeries() {
    }

    /** Whether a series would read as a paper number, so that no kiosk may have it. */
    public static boolean isPaper(String series) {
        return series != null && series.toUpperCase().startsWith(PAPER);
    }
}
