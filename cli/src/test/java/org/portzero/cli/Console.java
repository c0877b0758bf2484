package org.portzero.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One execution of {@code portzero ARGS} in this JVM: its exit code and what it printed. */
record Console(int exit, String out, String err) {

    static Console of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Portzero.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Console(exit, out.toString(), err.toString());
    }
}
