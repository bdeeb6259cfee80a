package org.migrationledger.client.cli;

import java.io.PrintWriter;

/**
 * Progress of a long operation on the error stream, so that standard output stays a clean record: a redrawn bar on a
 * terminal, one line per tenth of the work in a CI log.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final int total;
    private final boolean terminal;
    private final boolean quiet;
    private int lastTenth = -1;

    ProgressBar(PrintWriter err, String label, int total, boolean terminal, boolean quiet) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    void step(int done, String item) {
        if (quiet || total == 0) {
            return;
        }
        int percent = (int) (100L * done / total);
        if (terminal) {
            int filled = WIDTH * done / total;
            err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + " " + shorten(item));
            if (done == total) {
                err.println();
            }
            err.flush();
            return;
        }
        int tenth = percent / 10;
        if (tenth != lastTenth || done == total) {
            lastTenth = tenth;
            err.println(label + ": " + done + "/" + total + " (" + percent + "%)");
            err.flush();
        }
    }

    private static String shorten(String item) {
        String text = item == null ? "" : item;
        return text.length() > 40 ? text.substring(0, 39) + "…" : String.format("%-40s", text);
    }
}
