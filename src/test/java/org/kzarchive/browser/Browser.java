package org.kzarchive.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Debian's Chromium driven through its chromedriver, headless. Never a browser a tool downloads.
 * Without Chromium the browser tests are skipped with the reason, unless
 * ARCHIVE_BROWSER_TESTS=required (as in .ci/run), where its absence fails them.
 * One browser for a whole test class, started before its tests and quit after them:
 * {@code @RegisterExtension static final Browser browser = Browser.withJavaScript();}
 */
final class Browser implements BeforeAllCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final boolean javascript;
    private ChromeDriver driver;

    private Browser(boolean javascript) {
        this.javascript = javascript;
    }

    static Browser withJavaScript() {
        return new Browser(true);
    }

    static Browser withoutJavaScript() {
        return new Browser(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        driver = start(javascript);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** The class's browser; a test instance may keep it in a field, since JUnit makes the instance after {@link #beforeAll}. */
    ChromeDriver driver() {
        return driver;
    }

    /** Creates the editor's account when it is missing. */
    static void createEditor(JdbcTemplate jdbc, PasswordEncoder passwords, String username, String password) {
        jdbc.update("insert into editor (username, password_hash) values (?, ?) on conflict (username) do nothing",
                username, passwords.encode(password));
    }

    /** Fills in the sign-in form the browser shows and waits until it has left the sign-in page. */
    void signIn(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(() -> !driver.getCurrentUrl().contains("sign-in"), "the signed-in admin page");
    }

    private static ChromeDriver start(boolean javascript) {
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
