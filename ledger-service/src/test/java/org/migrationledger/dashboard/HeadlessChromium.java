package org.migrationledger.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through Debian's chromedriver, both named explicitly so that Selenium Manager has nothing to
 * look up or download; a fresh profile per browser. Paths can be moved with {@code -Dledger.chromium} and
 * {@code -Dledger.chromedriver}.
 */
final class HeadlessChromium {

    private HeadlessChromium() {}

    static ChromeDriver start() {
        String driverPath = System.getProperty("ledger.chromedriver", "/usr/bin/chromedriver");
        String browserPath = System.getProperty("ledger.chromium", "/usr/bin/chromium");
        requireExecutable(driverPath, "chromedriver (apt-get install chromium-driver)");
        requireExecutable(browserPath, "chromium (apt-get install chromium)");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, driverPath);
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserPath);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + freshProfile());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverPath))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }

    private static void requireExecutable(String path, String what) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException("The browser tests need " + what + " at " + path);
        }
    }

    private static String freshProfile() {
        try {
            Path profile = Files.createTempDirectory("ledger-chromium-");
            profile.toFile().deleteOnExit();
            return profile.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
