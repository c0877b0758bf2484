package org.portzero.reports.matrix;

import java.io.IOException;
import org.portzero.reports.run.JsonFault;

/**
 * A {@code matrix.json} (a baseline) that cannot be read: the message names the file, the line
 * and the field ({@code old/matrix.json:41:7: field 'rows[2].cells.host.verdict': required, found null}).
 */
public final class MalformedMatrixJson extends IOException {

    private final transient JsonFault fault;

    public MalformedMatrixJson(JsonFault fault) {
        super(fault.toString());
        this.fault = fault;
    }

    public JsonFault fault() {
        return fault;
    }
}
