package org.kzarchive.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kzarchive.ArchiveIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every page type in a real browser: no serious or critical axe-core finding, screenshots at phone
 * and desktop widths (target/screenshots/), no sideways scrolling on a phone, keyboard access.
 */
@ArchiveIntegrationTest
class PageQualityBrowserTest {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    private final ChromeDriver driver = browser.driver();
    private static String axe;

    private static boolean signedIn;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    /** name → path of one page of each type. */
    static List<String[]> pageTypes() {
        return List.of(
                new String[] {"home", "/"},
                new String[] {"home-russian", "/?hl=ru"},
                new String[] {"full-text", "/it/kazakistan-dopo-la-rivolta"},
                new String[] {"interview", "/it/kazakistan-dopo-la-rivolta/interview"},
                new String[] {"timeline", "/it/kazakistan-dopo-la-rivolta/timeline"},
                new String[] {"photos", "/it/kazakistan-dopo-la-rivolta/photos"},
                new String[] {"notes", "/it/kazakistan-dopo-la-rivolta/notes"},
                new String[] {"full-text-ru", "/ru/kazakistan-dopo-la-rivolta"},
                new String[] {"interview-ru", "/ru/kazakistan-dopo-la-rivolta/interview"},
                new String[] {"timeline-ru", "/ru/kazakistan-dopo-la-rivolta/timeline"},
                new String[] {"full-text-en", "/en/kazakistan-dopo-la-rivolta"},
                new String[] {"parallel-it-en", "/it/kazakistan-dopo-la-rivolta/parallel/en"},
                new String[] {"parallel-ru-it", "/ru/kazakistan-dopo-la-rivolta/parallel/it"},
                new String[] {"parallel-interview-en-ru", "/en/kazakistan-dopo-la-rivolta/interview/parallel/ru"},
                new String[] {"cite", "/it/kazakistan-dopo-la-rivolta/cite/inizio-rivolta"},
                new String[] {"not-found", "/it/non-esiste"},
                new String[] {"search-results", "/search?q=Almaty+manifestanti"},
                new String[] {"search-no-results", "/search?q=manifestnti"},
                new String[] {"search-russian-interface", "/search?q=%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2&hl=ru"},
                new String[] {"search-empty", "/search"},
                new String[] {"sign-in", "/admin/sign-in"},
                new String[] {"admin-form", "/admin/translations/new"},
                new String[] {"workbench", "/admin/translations/{en}/workbench?section=intervista"});
    }

    @BeforeAll
    static void readAxe() throws Exception {
        File script = Browser.file("axe.script", "target/axe/node_modules/axe-core/axe.min.js");
        Browser.requireInstalled(script.toPath(), "npm (for the axe-core package)");
        axe = Files.readString(script.toPath());
    }

    private void open(String path, int width) {
        if (path.equals("/admin/sign-in") && signedIn) {
            driver.manage().deleteAllCookies(); // a reader's view of the sign-in page
            signedIn = false;
        }
        if (path.startsWith("/admin/translations") && !signedIn) {
            signIn();
        }
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
        if (path.contains("{en}")) {
            path = path.replace("{en}", String.valueOf(jdbc.queryForObject("select t.id from translation t join work w on w.id = t.work_id"
                    + " where w.slug = 'kazakistan-dopo-la-rivolta' and t.language = 'en'", Long.class)));
        }
        driver.get("http://localhost:" + port + path);
    }

    private void signIn() {
        Browser.createEditor(jdbc, passwords, "quality-editor", "a long quality password");
        driver.get("http://localhost:" + port + "/admin/sign-in");
        browser.signIn("quality-editor", "a long quality password");
        signedIn = true;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageTypes")
    void hasNoSeriousOrCriticalAccessibilityViolation(String name, String path) {
        open(path, 1280);
        driver.executeScript(axe);
        @SuppressWarnings("unchecked")
        var result = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document)
                   .then(r => done({rulesPassed: r.passes.length,
                        violations: r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))}))
                   .catch(e => done({rulesPassed: 0, violations: [{id: 'axe-error', help: String(e)}]}));
                """);
        assertThat(((Number) result.get("rulesPassed")).intValue()).as("axe checked the page").isGreaterThan(10);
        assertThat((List<?>) result.get("violations")).as(name + " " + path).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageTypes")
    void isScreenshottedAtPhoneAndDesktopWidthAndNeverScrollsSidewaysOnAPhone(String name, String path) throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        for (int width : new int[] {390, 1280}) {
            open(path, width);
            Files.write(dir.resolve(name + "-" + width + ".png"), screenshot(path, width));
            long scrollWidth = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertThat(scrollWidth).as(name + " at " + width + " px").isLessThanOrEqualTo(width);
        }
    }

    /**
     * The page's screenshot; Chromium sometimes aborts one with "Not attached to an active page"
     * right after a resize (seen once in CI), so the page is opened again and shot once more.
     */
    private byte[] screenshot(String path, int width) {
        try {
            return driver.getScreenshotAs(OutputType.BYTES);
        } catch (org.openqa.selenium.TimeoutException detached) {
            open(path, width);
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    @Test
    void parallelPairsStandInTwoColumnsOnADesktopAndInterleaveOnAPhone() {
        open("/it/kazakistan-dopo-la-rivolta/parallel/ru", 1280);
        var sides = driver.findElements(By.cssSelector("#inizio-rivolta > .side"));
        assertThat(sides).hasSize(2);
        assertThat(sides.get(1).getRect().getX()).as("the Russian column beside the Italian").isGreaterThan(sides.get(0).getRect().getX() + 200);
        assertThat(Math.abs(sides.get(1).getRect().getY() - sides.get(0).getRect().getY())).isLessThan(5);
        open("/it/kazakistan-dopo-la-rivolta/parallel/ru", 390);
        sides = driver.findElements(By.cssSelector("#inizio-rivolta > .side"));
        assertThat(sides.get(1).getRect().getY()).as("the Russian passage under the Italian one")
                .isGreaterThanOrEqualTo(sides.get(0).getRect().getY() + sides.get(0).getRect().getHeight());
        assertThat(Math.abs(sides.get(1).getRect().getX() - sides.get(0).getRect().getX())).isLessThan(5);
    }

    @Test
    void theKeyboardReachesAVisibleSkipLinkThatJumpsToTheText() {
        open("/it/kazakistan-dopo-la-rivolta", 1280);
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("skip-link");
        assertThat(focused.getRect().getY()).isGreaterThanOrEqualTo(0);
        assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
        focused.sendKeys(Keys.ENTER);
        assertThat(driver.getCurrentUrl()).endsWith("#main");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement next = driver.switchTo().activeElement();
        assertThat(next.getTagName()).isEqualTo("a");
        assertThat(next.getCssValue("outline-style")).as("visible focus on " + next.getText()).isNotEqualTo("none");
    }
}
