package org.kzarchive.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kzarchive.ArchiveIntegrationTest;
import org.kzarchive.archive.TranslationChanged;
import org.kzarchive.editing.TranslationCheck;
import org.kzarchive.editing.TranslationEditing;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Translators in a real browser: a German translation is started from the list, a few passages
 * translated and saved without reloading, published partially, and a reader sees the Italian
 * standing in; an editor corrects an Italian paragraph, the English and Russian passages turn
 * outdated with the diff shown, and a translator's update makes the English one current again.
 */
@ArchiveIntegrationTest
class WorkbenchJourneyBrowserTest {

    private static final String EDITOR = "workbench-editor";
    private static final String PASSWORD = "a long workbench password";
    private static final String WORK = "kazakistan-dopo-la-rivolta";

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

    @Autowired
    TranslationEditing editing;

    @Autowired
    TranslationCheck check;

    private String italianBefore;

    @AfterEach
    void restore() {
        for (long id : jdbc.queryForList("select t.id from translation t join work w on w.id = t.work_id where w.slug = ? and t.language = 'de'",
                Long.class, WORK)) {
            jdbc.update("delete from translation where id = ?", id);
            events.publishEvent(new TranslationChanged(id));
        }
        if (italianBefore != null) {
            long italian = id("it");
            int head = jdbc.queryForObject("select max(number) from translation_revision where translation_id = ?", Integer.class, italian);
            editing.save(italian, head, check.check(italianBefore), EDITOR, "restored after the browser test", true);
        }
    }

    private long id(String language) {
        return jdbc.queryForObject("select t.id from translation t join work w on w.id = t.work_id where w.slug = ? and t.language = ?",
                Long.class, WORK, language);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn() {
        Browser.createEditor(jdbc, passwords, EDITOR, PASSWORD);
        driver.get(url("/admin"));
        browser.signIn(EDITOR, PASSWORD);
    }

    private void type(String id, String text) {
        driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), text);
    }

    /** Saves one passage with the script and waits for its answer; the page must not reload. */
    private void saveWithoutReload(String key) {
        driver.executeScript("window.notReloaded = true");
        driver.findElement(By.cssSelector("#p-" + key + " button.save-passage")).click();
        Browser.waitUntil(() -> driver.findElement(By.cssSelector("#p-" + key + " .passage-status")).getText().startsWith("Saved"),
                "the passage saved");
        assertThat(driver.executeScript("return window.notReloaded === true")).isEqualTo(true);
    }

    @Test
    void aGermanTranslationIsPublishedInPartAndAnItalianCorrectionOutdatesTheEnglishAndRussianPassages() {
        signIn();
        italianBefore = jdbc.queryForObject("select markdown from translation where id = ?", String.class, id("it"));

        driver.get(url("/admin"));
        driver.findElement(By.cssSelector("form.start-language input[name=language]")).sendKeys("de");
        Browser.submit(driver, driver.findElement(By.cssSelector("form.start-language button")));
        assertThat(driver.getCurrentUrl()).contains("/workbench");
        driver.findElement(By.linkText("La prigione delle nazioni")).click();

        type("t-inizio-rivolta", "Was am 1. Januar als einzelner Protest gegen die steigenden Lebenshaltungskosten begann, wurde zu einem landesweiten Aufstand.");
        saveWithoutReload("inizio-rivolta");
        type("t-fine-combattimenti", "Die militärische Niederschlagung des Aufstands spielte eine Schlüsselrolle.");
        Browser.submit(driver, driver.findElement(By.cssSelector("form.passages .buttons button")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("1 passage saved");

        driver.findElement(By.id("partial")).click();
        Browser.submit(driver, driver.findElement(By.cssSelector("form.publish button")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Published as revision");

        driver.get(url("/de/" + WORK));
        assertThat(driver.findElement(By.id("inizio-rivolta")).getText()).contains("landesweiten Aufstand");
        assertThat(driver.findElement(By.id("prigione-delle-nazioni-2")).getAttribute("lang")).isEqualTo("it");
        assertThat(driver.findElements(By.cssSelector("#prigione-delle-nazioni-2 .passage-mark"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector(".completeness")).getText()).contains("%");

        // an editor corrects the Italian paragraph and publishes it
        driver.get(url("/admin/translations/" + id("it") + "/edit"));
        String text = (String) driver.executeScript("return document.getElementById('markdown').value");
        type("markdown", text.replace("circa 8000 persone", "circa 10000 persone"));
        Browser.submit(driver, driver.findElement(By.cssSelector("button[value=publish]")));

        for (String language : List.of("en", "ru")) {
            driver.get(url("/admin/translations/" + id(language) + "/workbench?section=prigione-delle-nazioni&filter=outdated"));
            assertThat(driver.findElements(By.cssSelector(".passage"))).hasSize(1);
            assertThat(driver.findElement(By.cssSelector("#p-prigione-delle-nazioni-4 .source-diff del")).getText()).isEqualTo("8000");
            assertThat(driver.findElement(By.cssSelector("#p-prigione-delle-nazioni-4 .source-diff ins")).getText()).isEqualTo("10000");
        }

        driver.get(url("/admin/translations/" + id("en") + "/workbench?section=prigione-delle-nazioni&filter=outdated"));
        String english = (String) driver.executeScript("return document.getElementById('t-prigione-delle-nazioni-4').value");
        type("t-prigione-delle-nazioni-4", english.replace("8,000", "10,000").replace("8000", "10000"));
        saveWithoutReload("prigione-delle-nazioni-4");
        driver.navigate().refresh();
        assertThat(driver.findElements(By.cssSelector(".passage"))).isEmpty();
        driver.get(url("/admin/translations/" + id("ru") + "/workbench?section=prigione-delle-nazioni&filter=outdated"));
        assertThat(driver.findElements(By.cssSelector(".passage"))).hasSize(1);
    }
}
