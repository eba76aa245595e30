package org.kzarchive.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzarchive.ArchiveIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader's journeys in a real browser, with JavaScript on and off (the site needs none). */
@ArchiveIntegrationTest
class ReaderJourneyBrowserTest {

    @RegisterExtension
    static final Browser withScript = Browser.withJavaScript();

    @RegisterExtension
    static final Browser withoutScript = Browser.withoutJavaScript();

    @LocalServerPort
    int port;

    private WebDriver browser(boolean javascript) {
        return (javascript ? withScript : withoutScript).driver();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String hash(WebDriver driver) {
        String url = driver.getCurrentUrl();
        return url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
    }

    private static boolean inViewport(WebDriver driver, WebElement element) {
        var rect = element.getRect();
        long height = ((Number) ((ChromeDriver) driver).executeScript("return window.innerHeight")).longValue();
        return rect.getY() - scrollTop(driver) < height && rect.getY() + rect.getHeight() - scrollTop(driver) > 0;
    }

    private static long scrollTop(WebDriver driver) {
        return ((Number) ((ChromeDriver) driver).executeScript("return window.scrollY")).longValue();
    }

    @ParameterizedTest(name = "javascript {0}")
    @ValueSource(booleans = {true, false})
    void fromTheHomePageToAFootnoteAndBackToTheSamePlace(boolean javascript) {
        WebDriver driver = browser(javascript);
        driver.get(base() + "/?hl=it"); // the browser asks for English: the Italian home page is chosen in the address
        driver.findElement(By.cssSelector(".work-card h3 a")).click();
        assertThat(driver.getTitle()).isEqualTo("Il Kazakistan dopo la rivolta");

        WebElement reference = driver.findElement(By.cssSelector("sup.fnref a"));
        String referenceId = reference.getAttribute("id");
        ((ChromeDriver) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", reference);
        reference.click();
        assertThat(hash(driver)).isEqualTo("note-1");
        WebElement note = driver.findElement(By.id("note-1"));
        assertThat(inViewport(driver, note)).isTrue();
        assertThat(note.getText()).contains("Dal 17 al 19 dicembre 1986");

        note.findElement(By.cssSelector("a.backref")).click();
        assertThat(hash(driver)).isEqualTo(referenceId);
        assertThat(inViewport(driver, driver.findElement(By.id(referenceId)))).isTrue();
    }

    @ParameterizedTest(name = "javascript {0}")
    @ValueSource(booleans = {true, false})
    void aTimelineEventLeadsToThePassageThatTellsIt(boolean javascript) {
        WebDriver driver = browser(javascript);
        driver.get(base() + "/it/kazakistan-dopo-la-rivolta/timeline");
        WebElement event = driver.findElements(By.cssSelector("ol.timeline li a")).stream()
                .filter(a -> a.getText().contains("Akimat di Almaty in fiamme")).findFirst().orElseThrow();
        event.click();
        assertThat(driver.getCurrentUrl()).contains("/it/kazakistan-dopo-la-rivolta#akimat-in-fiamme");
        WebElement passage = driver.findElement(By.id("akimat-in-fiamme"));
        assertThat(passage.getText()).contains("Poi abbiamo visto l’Akimat in fiamme.");
        assertThat(inViewport(driver, passage)).isTrue();
    }

    @ParameterizedTest(name = "javascript {0}")
    @ValueSource(booleans = {true, false})
    void thePhotosPageLeadsToEachFigureInContext(boolean javascript) {
        WebDriver driver = browser(javascript);
        driver.get(base() + "/it/kazakistan-dopo-la-rivolta/photos");
        List<WebElement> photos = driver.findElements(By.cssSelector("ol.photo-list > li"));
        assertThat(photos).hasSize(16);
        String caption = photos.get(2).findElement(By.cssSelector(".caption")).getText();
        photos.get(2).findElement(By.cssSelector(".figure-meta a")).click();
        WebElement figure = driver.findElement(By.id(hash(driver)));
        assertThat(figure.getTagName()).isEqualTo("figure");
        assertThat(figure.getText()).contains(caption);
        assertThat(inViewport(driver, figure)).isTrue();
    }

    @ParameterizedTest(name = "javascript {0}")
    @ValueSource(booleans = {true, false})
    void aSearchFromTheHeaderLeadsToTheExactPassage(boolean javascript) {
        WebDriver driver = browser(javascript);
        driver.get(base() + "/it/kazakistan-dopo-la-rivolta/photos");
        WebElement box = driver.findElement(By.cssSelector(".site-search input[name=q]"));
        box.sendKeys("Akimat in fiamme");
        box.submit();
        Browser.waitUntil(() -> driver.getCurrentUrl().contains("/search?"), "the results page");
        assertThat(driver.findElement(By.cssSelector(".site-search input[name=q]")).getAttribute("value")).isEqualTo("Akimat in fiamme");
        WebElement first = driver.findElement(By.cssSelector("li.result"));
        assertThat(first.findElements(By.tagName("mark"))).isNotEmpty();
        first.findElement(By.cssSelector(".result-title a")).click();
        String target = hash(driver);
        WebElement passage = driver.findElement(By.id(target));
        assertThat(passage.getText()).contains("Akimat").contains("fiamme");
        assertThat(inViewport(driver, passage)).isTrue();
        assertThat(((ChromeDriver) driver).executeScript("return document.querySelector(':target') === arguments[0]", passage))
                .as("the passage is the page's target, so it is highlighted").isEqualTo(true);
    }

    @ParameterizedTest(name = "javascript {0}")
    @ValueSource(booleans = {true, false})
    void theWorkNavigationReachesEveryPageOfTheText(boolean javascript) {
        WebDriver driver = browser(javascript);
        driver.get(base() + "/it/kazakistan-dopo-la-rivolta");
        for (String page : List.of("Intervista", "Cronologia", "Foto", "Note", "Testo")) {
            driver.findElement(By.linkText(page)).click();
            assertThat(driver.findElement(By.cssSelector(".work-nav a[aria-current=page]")).getText()).isEqualTo(page);
        }
    }
}
