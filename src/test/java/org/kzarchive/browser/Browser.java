package org.kzarchive.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through its chromedriver, headless. Never a browser a tool downloads.
 * Without Chromium the browser tests are skipped with the reason, unless
 * ARCHIVE_BROWSER_TESTS=required (as in .ci/run), where its absence fails them.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static ChromeDriver start(boolean javascript) {
        requireInstalled(CHROMIUM, "chromium");
        requireInstalled(CHROMEDRIVER, "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=it");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Fails or skips, with the reason, when a browser piece is missing. */
    static void requireInstalled(Path path, String debianPackage) {
        if (Files.isExecutable(path) || (path.toString().endsWith(".js") && Files.isReadable(path))) {
            return;
        }
        String reason = path + " is missing: install Debian's " + debianPackage + " to run the browser tests";
        if ("required".equals(System.getenv("ARCHIVE_BROWSER_TESTS"))) {
            Assertions.fail(reason);
        }
        Assumptions.abort(reason);
    }

    /** Waits up to five seconds for what a click set off (a form submission, a navigation). */
    static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("waited 5 s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Clicks a button that submits a form, and waits until the browser has left the page it was on. */
    static void submit(WebDriver driver, WebElement button) {
        WebElement before = driver.findElement(By.tagName("html"));
        button.click();
        waitUntil(() -> isGone(before), "the page the form answers with");
    }

    private static boolean isGone(WebElement element) {
        try {
            element.getTagName();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }

    private static boolean holds(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.openqa.selenium.WebDriverException e) {
            return false; // the page is still changing under the element
        }
    }

    static File file(String systemProperty, String fallback) {
        return new File(System.getProperty(systemProperty, fallback));
    }
}
