package org.vertogw.app.cli;

import java.io.PrintStream;

/** The command line's own output (banners, {@code route} answers): the one place main code writes to the console. */
public final class Console {

    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    public static void out(String line) {
        OUT.println(line);
        OUT.flush();
    }

    public static void err(String line) {
        ERR.println(line);
        ERR.flush();
    }

    private Console() {}
}
