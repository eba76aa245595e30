package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which language the interface speaks for a request. */
class InterfaceLanguageTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private static MockHttpServletRequest request(String path, String query, String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return request;
    }

    @Test
    void anEditionsPageSpeaksTheEditionsLanguageWhateverTheBrowserPrefers() {
        var page = request("/ru/kazakistan-dopo-la-rivolta/timeline", "hl=en", "en-GB,en;q=0.9");
        assertThat(InterfaceLanguage.of(page)).isEqualTo(RUSSIAN);
        assertThat(InterfaceLanguage.followsTheBrowser(page)).isFalse();
    }

    @Test
    void onlyAFirstSegmentOfTwoOrThreeLettersWithItsSubtagsNamesAnEditionsLanguage() {
        for (String path : new String[] {"/ru", "/ru/", "/en-GB/kazakistan-dopo-la-rivolta", "/rus/kazakistan-dopo-la-rivolta/notes"}) {
            assertThat(InterfaceLanguage.followsTheBrowser(request(path, null, "ru"))).as(path).isFalse();
        }
        for (String path : new String[] {"/", "/search", "/r/kazakistan", "/russ/kazakistan", "/Ru/kazakistan", "/ru_RU/x", "/sitemap.xml", ""}) {
            assertThat(InterfaceLanguage.followsTheBrowser(request(path, null, "ru"))).as(path).isTrue();
            assertThat(InterfaceLanguage.of(request(path, null, "ru"))).as(path).isEqualTo(RUSSIAN);
        }
    }

    @Test
    void anEditionInALanguageWithoutABundleGetsTheItalianInterface() {
        assertThat(InterfaceLanguage.of(request("/pt-BR/kazakistan-dopo-la-rivolta", null, "ru"))).isEqualTo(Locale.ITALIAN);
    }

    @Test
    void hlChoosesTheLanguageOfTheHomeAndSearchPages() {
        assertThat(InterfaceLanguage.of(request("/", "hl=ru", "en"))).isEqualTo(RUSSIAN);
        assertThat(InterfaceLanguage.of(request("/search", "q=Almaty&lang=it&hl=en", "ru"))).isEqualTo(Locale.ENGLISH);
        assertThat(InterfaceLanguage.followsTheBrowser(request("/", "hl=ru", null))).isFalse();
    }

    @Test
    void theLanguageFilterOfTheSearchDoesNotChooseTheInterface() {
        assertThat(InterfaceLanguage.of(request("/search", "q=Almaty&lang=ru", null))).isEqualTo(Locale.ITALIAN);
    }

    @Test
    void withoutHlTheBrowsersPreferredSupportedLanguageIsSpoken() {
        var home = request("/", null, "de-DE,de;q=0.9,ru;q=0.8,en;q=0.7");
        assertThat(InterfaceLanguage.of(home)).isEqualTo(RUSSIAN);
        assertThat(InterfaceLanguage.followsTheBrowser(home)).isTrue();
        assertThat(InterfaceLanguage.of(request("/search", "q=x", "en-US"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void anUnknownOrUnreadableChoiceFallsBackToItalian() {
        assertThat(InterfaceLanguage.of(request("/", "hl=xx", null))).isEqualTo(Locale.ITALIAN);
        assertThat(InterfaceLanguage.of(request("/", null, "de, fr;q=0.5"))).isEqualTo(Locale.ITALIAN);
        assertThat(InterfaceLanguage.of(request("/", null, ";;q=x,,"))).isEqualTo(Locale.ITALIAN);
        assertThat(InterfaceLanguage.of(request("/", "hl=%3Cscript%3E", null))).isEqualTo(Locale.ITALIAN);
    }

    @Test
    void aPreviewSpeaksTheLanguageOfTheTranslationPreviewed() {
        var preview = request("/admin/translations/3/preview", null, "it");
        PageLanguage.set(preview, Locale.ENGLISH);
        assertThat(InterfaceLanguage.of(preview)).isEqualTo(Locale.ENGLISH);
    }
}
