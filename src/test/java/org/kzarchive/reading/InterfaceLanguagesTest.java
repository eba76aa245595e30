package org.kzarchive.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every public page type in Italian, English and Russian: the interface speaks the page's
 * language (no message missing), dates and counts are written its way, and every element that is
 * in another language says so.
 */
@ArchiveIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterfaceLanguagesTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private ThreeLanguageFixtures fixtures;
    private PageFetcher pages;

    @BeforeAll
    void publish() {
        fixtures = new ThreeLanguageFixtures(context);
        pages = new PageFetcher(port);
    }

    @AfterAll
    void withdraw() {
        fixtures.close();
    }

    private Document page(String path, String acceptLanguage) throws Exception {
        HttpResponse<String> response = response(path, acceptLanguage);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body(), pages.base() + path);
    }

    private HttpResponse<String> response(String path, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pages.base() + path)).header("Accept", "text/html");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Thymeleaf writes ??key_lang?? for a message the bundles lack. */
    private static void assertNoMissingMessage(Document page) {
        assertThat(page.outerHtml()).doesNotContain("??");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "it | ''          | Testo   | Cerca  | Accesso redazione",
            "it | /interview  | Testo   | Cerca  | Accesso redazione",
            "it | /timeline   | Testo   | Cerca  | Accesso redazione",
            "it | /photos     | Testo   | Cerca  | Accesso redazione",
            "it | /notes      | Testo   | Cerca  | Accesso redazione",
            "en | ''          | Text    | Search | Editor sign-in",
            "en | /interview  | Text    | Search | Editor sign-in",
            "en | /timeline   | Text    | Search | Editor sign-in",
            "en | /photos     | Text    | Search | Editor sign-in",
            "en | /notes      | Text    | Search | Editor sign-in",
            "ru | ''          | Текст   | Найти  | Вход для редакции",
            "ru | /interview  | Текст   | Найти  | Вход для редакции",
            "ru | /timeline   | Текст   | Найти  | Вход для редакции",
            "ru | /photos     | Текст   | Найти  | Вход для редакции",
            "ru | /notes      | Текст   | Найти  | Вход для редакции"})
    void everyPageOfAnEditionSpeaksTheEditionsLanguage(String language, String subpage, String textLink, String searchButton,
                                                     String editorLink) throws Exception {
        // the browser's preference does not change an edition's page
        Document page = page(ThreeLanguageFixtures.path(language) + subpage, "de, it;q=0.5");
        assertNoMissingMessage(page);
        assertThat(page.select("html").attr("lang")).isEqualTo(language);
        assertThat(page.select("article.work").attr("lang")).isEqualTo(language);
        assertThat(page.select(".work-pages a").first().text()).isEqualTo(textLink);
        assertThat(page.select(".site-search button").text()).isEqualTo(searchButton);
        assertThat(page.select(".site-search input[name=hl]").val()).as("a search from here keeps the language").isEqualTo(language);
        assertThat(page.select(".editor-link").text()).isEqualTo(editorLink);
        assertThat(page.select(".languages a").eachAttr("lang")).containsExactlyInAnyOrder("it", "en", "ru");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "it | 12 gennaio 2022   | 5–7 gennaio 2022   | 5 gennaio 2022   | Una fotografia di «Una prova in tre lingue»",
            "en | 12 January 2022   | 5–7 January 2022   | 5 January 2022   | One photograph from “A test in three languages”",
            "ru | 12 января 2022 г. | 5–7 января 2022 г. | 5 января 2022 г. | 1 фотография из текста «Проверка на трёх языках»"})
    void datesAndCountsAreWrittenInTheEditionsLanguage(String language, String published, String range, String photoDate,
                                                       String photosDescription) throws Exception {
        String path = ThreeLanguageFixtures.path(language);
        assertThat(nbsp(page(path, null).select(".credits time").text())).isEqualTo(published);
        assertThat(nbsp(page(path + "/timeline", null).select(".timeline time").text())).isEqualTo(range);
        Document photos = page(path + "/photos", null);
        assertThat(nbsp(photos.select(".photo-list time").text())).isEqualTo(photoDate);
        assertThat(photos.select("meta[name=description]").attr("content")).startsWith(photosDescription);
    }

    private static String nbsp(String text) {
        return text.replaceAll("[\u00A0\u202F]", " ");
    }

    @Test
    void aQuotationInAnotherLanguageKeepsItsLang() throws Exception {
        Document interview = page(ThreeLanguageFixtures.path("it") + "/interview", null);
        Element slogan = interview.selectFirst("#risposta-1 [lang=kk]");
        assertThat(slogan).isNotNull();
        assertThat(slogan.text()).isEqualTo("Шал кет!");
        assertThat(slogan.closest("[lang]:not([lang=kk])").attr("lang")).isEqualTo("it");
    }

    @ParameterizedTest(name = "/?hl={0}")
    @CsvSource(delimiter = '|', value = {
            "it | Archivio · Kazakistan 2022 | Lingue:  | Una prova in tre lingue   | Redazione di prova | 12 gennaio 2022",
            "en | Archive · Kazakhstan 2022  | Languages: | A test in three languages | Redazione di prova | 12 January 2022",
            "ru | Архив · Казахстан 2022     | Языки:   | Проверка на трёх языках   | Redazione di prova | 12 января 2022 г."})
    void theHomePageSpeaksTheLanguageChosenInItsAddress(String language, String title, String languagesLabel,
                                                       String workTitle, String author, String date) throws Exception {
        Document home = page("/?hl=" + language, "de");
        assertNoMissingMessage(home);
        assertThat(home.select("html").attr("lang")).isEqualTo(language);
        assertThat(home.select("h1").text()).isEqualTo(title);
        assertThat(home.select(".work-card p span").eachText()).contains(languagesLabel);
        // the work is shown by its edition in the reader's language, marked as such
        Element work = home.select(".work-card h3 a").stream().filter(a -> a.attr("href").endsWith(ThreeLanguageFixtures.WORK))
                .findFirst().orElseThrow();
        assertThat(work.text()).isEqualTo(workTitle);
        assertThat(work.attr("lang")).isEqualTo(language);
        Element credits = work.closest(".work-card").selectFirst(".credits");
        // the author is a fact of the work, written in the work's first language
        assertThat(credits.select("span[lang=it]").text()).isEqualTo(author);
        assertThat(nbsp(credits.select("time").text())).isEqualTo(date);
        assertThat(home.select("link[rel=canonical]").attr("href")).endsWith("/?hl=" + language);
        assertThat(home.select(".interface-languages a[aria-current=true]").attr("lang")).isEqualTo(language);
        assertThat(home.select(".interface-languages a").eachAttr("href")).containsExactly("/?hl=it", "/?hl=en", "/?hl=ru");
        assertThat(home.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).containsExactly("it", "en", "ru");
    }

    @Test
    void withoutHlTheHomePageSpeaksTheBrowsersLanguageAndIsCachedPerLanguage() throws Exception {
        HttpResponse<String> russian = response("/", "ru-RU,ru;q=0.9,en;q=0.8");
        HttpResponse<String> english = response("/", "en-GB,en;q=0.9");
        HttpResponse<String> other = response("/", "de");
        HttpResponse<String> russianAgain = response("/", "ru");
        assertThat(Jsoup.parse(russian.body()).select("html").attr("lang")).isEqualTo("ru");
        assertThat(Jsoup.parse(english.body()).select("html").attr("lang")).isEqualTo("en");
        assertThat(Jsoup.parse(other.body()).select("html").attr("lang")).isEqualTo("it");
        assertThat(Jsoup.parse(russianAgain.body()).select("html").attr("lang")).isEqualTo("ru");
        assertThat(russian.headers().allValues("Vary")).anyMatch(v -> v.toLowerCase().contains("accept-language"));
        assertThat(russian.headers().firstValue("ETag")).isNotEqualTo(english.headers().firstValue("ETag"));
        assertThat(response("/?hl=ru", "en").headers().allValues("Vary")).noneMatch(v -> v.toLowerCase().contains("accept-language"));
    }

    @Test
    void theNotFoundPageSpeaksTheLanguageOfTheAddress() throws Exception {
        HttpResponse<String> response = response("/ru/" + ThreeLanguageFixtures.WORK + "-missing", "it");
        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("html").attr("lang")).isEqualTo("ru");
        assertThat(page.select("h1").text()).isEqualTo("Страница не найдена");
        assertThat(page.select("main a").eachAttr("href")).containsExactly("/?hl=ru", "/search?hl=ru");
    }

    @Test
    void theSearchPageSpeaksHlWhileLangChoosesTheEditionsSearched() throws Exception {
        Document page = page("/search?q=" + encode("Токаев") + "&lang=ru&hl=en", "it");
        assertNoMissingMessage(page);
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select(".result").eachAttr("data-language")).isNotEmpty().containsOnly("ru");
        assertThat(page.select(".total").text()).matches("\\d+ passages? found.*");
        assertThat(page.select(".facets li[data-language=ru] a").attr("href")).as("the filter's links keep hl")
                .isEqualTo("/search?q=%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2&hl=en");
        assertThat(page.select(".interface-languages a[lang=ru]").attr("href")).as("switching language keeps the filter")
                .isEqualTo("/search?q=%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2&lang=ru&hl=ru");

        Document russian = page("/search?q=" + encode("Токаев") + "&lang=ru&hl=ru", "it");
        assertThat(russian.select("html").attr("lang")).isEqualTo("ru");
        assertThat(russian.select(".total").text()).matches("\\d+ результат(а|ов)?.*");
        assertThat(russian.select(".result-kind").eachText()).contains("Анализ");
        assertThat(russian.select(".result").eachAttr("data-language")).containsOnly("ru");
    }

    @Test
    void withoutHlTheSearchPageSpeaksTheBrowsersLanguage() throws Exception {
        Document page = page("/search?q=Almaty&lang=it", "ru");
        assertThat(page.select("html").attr("lang")).isEqualTo("ru");
        assertThat(page.select(".result").eachAttr("data-language")).isNotEmpty().containsOnly("it");
        assertThat(page.select(".facets li[data-language=it] a").attr("href")).doesNotContain("hl=");
        assertThat(page("/search?q=Almaty&lang=it", "en").select("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void aResultLinksToTheSamePassageInTheWorksOtherEditions() throws Exception {
        // a phrase only the test work has: the archive's own Russian edition names Tokayev many times too
        Document page = page("/search?q=" + encode("\"попросил помощи у ОДКБ\"") + "&lang=ru&hl=ru", null);
        Element hit = page.select(".result").stream()
                .filter(r -> r.select(".result-title a").attr("href").equals(ThreeLanguageFixtures.path("ru") + "#inizio"))
                .findFirst().orElseThrow();
        assertThat(hit.select(".also-in span").text()).isEqualTo("Также на языках:");
        List<Element> links = hit.select(".also-in a");
        assertThat(links).extracting(a -> a.attr("href"))
                .containsExactly(ThreeLanguageFixtures.path("en") + "#inizio", ThreeLanguageFixtures.path("it") + "#inizio");
        assertThat(links).extracting(a -> a.attr("lang")).containsExactly("en", "it");
        assertThat(links).extracting(Element::text).containsExactly("English", "Italiano");
        for (Element link : links) {
            String href = link.attr("href");
            Document target = page(href.substring(0, href.indexOf('#')), null);
            assertThat(target.getElementById("inizio")).as(href).isNotNull();
        }
    }

    @Test
    void namesAreFoundAcrossAlphabetsOnTheSearchPage() throws Exception {
        Document latin = page("/search?q=Zhanaozen&lang=ru&hl=en", null);
        assertThat(latin.select(".result .excerpt mark").eachText()).contains("Жанаозене");
        Document cyrillic = page("/search?q=" + encode("Алматы") + "&lang=en&hl=en", null);
        assertThat(cyrillic.select(".result .excerpt mark").eachText()).contains("Almaty");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
