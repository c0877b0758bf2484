package org.portzero.reports.allure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a single-file Allure 2 report ({@code allure generate --single-file}) holds: every file a
 * multi-file report would fetch ({@code data/…}, {@code widgets/…}, {@code history/…}) is inside
 * its {@code index.html}, one call {@code d('widgets/summary.json','<base64>')} each.
 */
public final class SingleFileReport {

    private static final Pattern EMBEDDED = Pattern.compile("d\\('([A-Za-z0-9_./-]+)','([A-Za-z0-9+/=]*)'\\)");

    private SingleFileReport() {
    }

    /** Every embedded file: its path in a multi-file report → its content. */
    public static Map<String, byte[]> files(Path index) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Matcher m = EMBEDDED.matcher(Files.readString(index));
        while (m.find()) {
            files.put(m.group(1), Base64.getDecoder().decode(m.group(2)));
        }
        return files;
    }
}
