package org.kzarchive.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.system.PublicAddress;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "Cite this passage" in a real browser: a pop-up with one-click copying with JavaScript, the citation page without. */
@ArchiveIntegrationTest
class CitationBrowserTest {

    private static final String TEXT = "/it/kazakistan-dopo-la-rivolta";

    @RegisterExtension
    static final Browser browserWithScript = Browser.withJavaScript();

    @RegisterExtension
    static final Browser browserWithoutScript = Browser.withoutJavaScript();

    private final ChromeDriver withScript = browserWithScript.driver();
    private final ChromeDriver withoutScript = browserWithoutScript.driver();

    @LocalServerPort
    int port;

    @Autowired
    PublicAddress address;

    /** Points at the passage (the cite link shows on hover) and clicks its cite link. */
    private static void clickCiteLink(ChromeDriver driver, String block) {
        WebElement passage = driver.findElement(By.id(block));
        WebElement link = passage.findElement(By.cssSelector(":scope > .block-links > a.cite-link"));
        new Actions(driver).scrollToElement(passage).moveToElement(passage).moveToElement(link).click().perform();
    }

    @Test
    void withJavaScriptTheCitationOpensBesideThePassageAndCopiesWithOneClick() {
        withScript.get("http://localhost:" + port + TEXT);
        withScript.executeCdpCommand("Browser.grantPermissions", Map.of("origin", "http://localhost:" + port,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        clickCiteLink(withScript, "inizio-rivolta");
        Browser.waitUntil(() -> !withScript.findElements(By.cssSelector("#inizio-rivolta + .cite-menu")).isEmpty(), "the citation pop-up");
        assertThat(withScript.getCurrentUrl()).endsWith(TEXT);
        WebElement menu = withScript.findElement(By.cssSelector("#inizio-rivolta + .cite-menu"));
        List<WebElement> texts = menu.findElements(By.cssSelector(".citation-text"));
        assertThat(texts).hasSize(3);
        assertThat(texts.get(0).getText()).contains(address.absolute(TEXT) + "#inizio-rivolta", "CrimethInc.");
        assertThat(texts.get(1).getText()).startsWith("@misc{");
        assertThat(texts.get(2).getText()).contains("\"URL\"");

        List<WebElement> copyButtons = menu.findElements(By.cssSelector("button.cite-copy"));
        assertThat(copyButtons).hasSize(3);
        assertThat(withScript.switchTo().activeElement()).isEqualTo(copyButtons.get(0));
        copyButtons.get(1).click();
        Browser.waitUntil(() -> menu.findElements(By.cssSelector(".cite-status")).get(1).getText().equals("Copiato"), "the copied notice");
        Object clipboard = withScript.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        assertThat(clipboard).isEqualTo(texts.get(1).getText());

        // Escape closes it and gives the focus back to the link
        copyButtons.get(0).sendKeys(Keys.ESCAPE);
        Browser.waitUntil(() -> withScript.findElements(By.cssSelector(".cite-menu")).isEmpty(), "the pop-up to close");
        assertThat(withScript.switchTo().activeElement().getAttribute("class")).contains("cite-link");
    }

    @Test
    void withoutJavaScriptTheCiteLinkOpensTheCitationPage() {
        withoutScript.get("http://localhost:" + port + TEXT);
        clickCiteLink(withoutScript, "inizio-rivolta");
        Browser.waitUntil(() -> withoutScript.getCurrentUrl().endsWith(TEXT + "/cite/inizio-rivolta"), "the citation page");
        assertThat(withoutScript.findElement(By.tagName("h1")).getText()).isEqualTo("Cita questo passo");
        assertThat(withoutScript.findElement(By.id("cite-plain")).getText()).contains(address.absolute(TEXT) + "#inizio-rivolta");
        assertThat(withoutScript.findElement(By.id("cite-bibtex")).getText()).startsWith("@misc{");
        assertThat(withoutScript.findElements(By.cssSelector("button.cite-copy"))).isEmpty();
        withoutScript.findElement(By.linkText("Torna al passo nel testo")).click();
        Browser.waitUntil(() -> withoutScript.getCurrentUrl().endsWith(TEXT + "#inizio-rivolta"), "the passage");
    }

    @Test
    void theOpenCitationHasNoSeriousOrCriticalAccessibilityViolation() throws Exception {
        File script = Browser.file("axe.script", "target/axe/node_modules/axe-core/axe.min.js");
        Browser.requireInstalled(script.toPath(), "npm (for the axe-core package)");
        withScript.get("http://localhost:" + port + TEXT);
        clickCiteLink(withScript, "inizio-rivolta");
        Browser.waitUntil(() -> !withScript.findElements(By.cssSelector(".cite-menu")).isEmpty(), "the citation pop-up");
        withScript.executeScript(Files.readString(script.toPath()));
        Object violations = withScript.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document.querySelector('.cite-menu'))
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ': ' + v.help + ' ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')))))
                   .catch(e => done(['axe-error ' + e]));
                """);
        assertThat((List<?>) violations).isEmpty();
    }
}
