package org.migrationledger.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/** Saves the README's screenshots under the repository's docs/images (failsafe runs in the module directory). */
final class Screenshots {

    private Screenshots() {}

    static void save(TakesScreenshot browser, String name) {
        Path images = Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("images");
        try {
            Files.createDirectories(images);
            Files.write(images.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
