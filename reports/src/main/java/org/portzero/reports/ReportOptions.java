package org.portzero.reports;

import java.nio.file.Path;

/**
 * What one report run is given ({@link ReportCommand} reads it from the command line; the Maven
 * build passes its {@code portzero.*} properties as {@code --name=value}, an empty value meaning
 * "not given").
 *
 * @param out         where the reports go ({@code target/portzero})
 * @param runs        comma-separated run directories; empty: every {@code <out>/runs/*}
 * @param baseline    an earlier matrix.json to diff against, or empty
 * @param strictDiff  whether a changed observation fails the build
 * @param allureHome  an unpacked allure-commandline, or empty (then ~/.m2's zip is unpacked)
 * @param allure      whether to generate the Allure report at all
 */
public record ReportOptions(Path out, String runs, String baseline, boolean strictDiff, String allureHome,
                            boolean allure) {
}
