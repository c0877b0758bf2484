package org.portzero.suites.runner;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The runner's Allure writer: results and attachments as Allure's own file writer writes them, and
 * no container files. The JUnit Platform listener writes a container for every test and every
 * family (about 800 a run) to hold fixtures; the catalogue has none, and the reports never read
 * them ({@code MergedAllureResults} builds its suites from labels). Each was a file to create in the
 * platform and to copy out of its container.
 */
final class ResultsWithoutContainers implements AllureResultsWriter {

    private final AllureResultsWriter files;

    ResultsWithoutContainers(Path directory) {
        this.files = new FileSystemResultsWriter(directory);
    }

    @Override
    public void write(TestResult result) {
        files.write(result);
    }

    @Override
    public void write(TestResultContainer container) {
        // no fixtures to keep: not written
    }

    @Override
    public void write(String source, InputStream attachment) {
        files.write(source, attachment);
    }
}
