package org.kzarchive.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.archive.TranslationChanged;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An editor, in a real browser: signs in, starts an English translation from the Italian, meets a
 * validation error with its line, fixes it, previews, publishes; a reader then finds it.
 */
@ArchiveIntegrationTest
class EditorJourneyBrowserTest {

    private static final String EDITOR = "browser-editor";
    private static final String PASSWORD = "a long browser password";
    private static final String TITLE = "Kazakhstan after the uprising (browser test)";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    private final ChromeDriver driver = browser.driver();

    @LocalServerPort
    int port;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @AfterEach
    void removeTheTranslation() {
        List<Long> ids = jdbc.queryForList("select id from translation where title = ?", Long.class, TITLE);
        for (long id : ids) {
            jdbc.update("delete from translation_revision where translation_id = ?", id);
            jdbc.update("delete from translation where id = ?", id);
            events.publishEvent(new TranslationChanged(id));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn() {
        Browser.createEditor(jdbc, passwords, EDITOR, PASSWORD);
        driver.get(url("/admin"));
        assertThat(driver.getCurrentUrl()).endsWith("/admin/sign-in");
        browser.signIn(EDITOR, PASSWORD);
    }

    private static String englishOver(String italian) {
        return italian.replace("language: it", "language: de")
                .replace("title: Il Kazakistan dopo la rivolta", "title: " + TITLE)
                .replace("Dopo la nostra copertura della rivolta", "Following up our coverage of the uprising");
    }

    @Test
    void anEditorAddsATranslationFixesAnErrorPreviewsAndPublishesItForReaders() throws Exception {
        signIn();
        String italian = Files.readString(Path.of("content/it/kazakistan-dopo-la-rivolta.md"));
        driver.get(url("/admin/translations/new"));
        driver.findElement(By.cssSelector("#work option[value=kazakistan-dopo-la-rivolta]")).click();
        driver.findElement(By.id("language")).sendKeys("de");
        driver.findElement(By.id("title")).sendKeys(TITLE);
        // a reference to a note that does not exist, in the opening paragraph
        String broken = englishOver(italian).replace("coverage of the uprising", "coverage of the uprising[^9]");
        WebElement markdown = driver.findElement(By.id("markdown"));
        ((ChromeDriver) driver).executeScript("arguments[0].value = arguments[1]", markdown, broken);
        Browser.submit(driver, driver.findElement(By.cssSelector("button[value=save]")));

        String errors = driver.findElement(By.tagName("main")).getText();
        assertThat(errors).contains("Line 11: The footnote reference [^9] has no note.");
        String kept = driver.findElement(By.id("markdown")).getAttribute("value");
        assertThat(kept).as("the editor's text is kept").contains("coverage of the uprising[^9]");

        ((ChromeDriver) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id("markdown")),
                kept.replace("uprising[^9]", "uprising"));
        Browser.submit(driver, driver.findElement(By.cssSelector("button[value=save]")));
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("has no note");

        driver.findElement(By.partialLinkText("review")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);
        // German has no interface bundle: the page around it speaks Italian, the edition itself is tagged German
        assertThat(driver.findElement(By.cssSelector("article.work")).getAttribute("lang")).isEqualTo("de");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Following up our coverage of the uprising");

        driver.navigate().back();
        driver.findElements(By.cssSelector("form button[type=submit]")).stream()
                .filter(b -> b.getText().startsWith("Publish revision")).findFirst().orElseThrow().click();
        Browser.waitUntil(() -> driver.findElement(By.tagName("main")).getText().contains("Published"), "the publication");
        driver.get(url("/de/kazakistan-dopo-la-rivolta"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);

        // the reader's language switcher now offers the new language too
        driver.get(url("/it/kazakistan-dopo-la-rivolta"));
        driver.findElement(By.cssSelector(".languages a[hreflang=de]")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/de/kazakistan-dopo-la-rivolta");
        // German has no interface bundle: the page around it speaks Italian, the edition itself is tagged German
        assertThat(driver.findElement(By.cssSelector("article.work")).getAttribute("lang")).isEqualTo("de");

        // and a reader finds it by search
        driver.get(url("/search?q=" + java.net.URLEncoder.encode("\"Following up our coverage\"", java.nio.charset.StandardCharsets.UTF_8)));
        WebElement result = driver.findElement(By.cssSelector("li.result .result-title a"));
        result.click();
        assertThat(driver.getCurrentUrl()).contains("/de/kazakistan-dopo-la-rivolta#");
        assertThat(driver.findElement(By.id(driver.getCurrentUrl().replaceFirst(".*#", ""))).getText())
                .contains("Following up our coverage of the uprising");
    }
}
