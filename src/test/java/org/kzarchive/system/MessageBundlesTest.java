package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.MessageFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;

/** The interface's message bundles: complete in every language, and formatted with each language's rules. */
class MessageBundlesTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private final MessageSource messages = new MessagesConfiguration().messageSource();

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> keys(String name) throws IOException {
        return new TreeSet<>(bundle(name).stringPropertyNames());
    }

    @Test
    void everyInterfaceLanguageHasABundle() {
        for (Locale language : InterfaceLanguage.SUPPORTED) {
            String name = language.equals(InterfaceLanguage.DEFAULT) ? "messages.properties"
                    : "messages_" + language.getLanguage() + ".properties";
            assertThat(new ClassPathResource(name).exists()).as(name).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages_en.properties", "messages_ru.properties"})
    void everyKeyOfTheItalianBundleIsTranslatedAndNoOtherKeyExists(String translated) throws IOException {
        assertThat(keys(translated)).isEqualTo(keys("messages.properties"));
        bundle(translated).forEach((key, value) -> assertThat(value.toString()).as(translated + " " + key).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties", "messages_ru.properties"})
    void everyMessageIsAValidIcuPattern(String name) throws IOException {
        bundle(name).forEach((key, value) -> assertThatCode(() -> new MessageFormat(value.toString(), Locale.ROOT))
                .as(name + " " + key).doesNotThrowAnyException());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0, Ничего не найдено",
            "1, 1 результат",
            "3, 3 результата",
            "5, 5 результатов",
            "11, 11 результатов",
            "21, 21 результат",
            "22, 22 результата",
            "1234, 1 234 результата"})
    void russianCountsTakeTheirPluralForm(long count, String expected) {
        assertThat(messages.getMessage("search.total", new Object[] {count}, RUSSIAN).replace('\u00A0', ' '))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} photos: {1}")
    @CsvSource(delimiter = '|', value = {
            "1 | 1 фотография из текста «T»",
            "3 | 3 фотографии из текста «T»",
            "5 | 5 фотографий из текста «T»",
            "21 | 21 фотография из текста «T»"})
    void russianPhotoCountsAgreeWithTheirNoun(int count, String expected) {
        assertThat(messages.getMessage("photos.description", new Object[] {count, "T"}, RUSSIAN)).startsWith(expected);
    }

    @Test
    void italianAndEnglishCountsTakeSingularOrPluralAndGroupThousandsTheirWay() {
        assertThat(messages.getMessage("search.total", new Object[] {0}, Locale.ITALIAN)).isEqualTo("Nessun passo trovato");
        assertThat(messages.getMessage("search.total", new Object[] {1}, Locale.ITALIAN)).isEqualTo("1 passo trovato");
        assertThat(messages.getMessage("search.total", new Object[] {1234}, Locale.ITALIAN)).isEqualTo("1.234 passi trovati");
        assertThat(messages.getMessage("search.total", new Object[] {1}, Locale.ENGLISH)).isEqualTo("1 passage found");
        assertThat(messages.getMessage("search.total", new Object[] {1234}, Locale.ENGLISH)).isEqualTo("1,234 passages found");
        assertThat(messages.getMessage("photos.description", new Object[] {1, "T"}, Locale.ENGLISH)).startsWith("One photograph from");
    }

    @Test
    void aLanguageWithoutABundleGetsTheItalianOneNotTheServersLanguage() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            assertThat(messages.getMessage("nav.text", null, Locale.GERMAN)).isEqualTo("Testo");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void messagesWithoutArgumentsAreUsedAsWritten() {
        assertThat(messages.getMessage("search.label", null, RUSSIAN)).isEqualTo("Поиск по архиву");
        assertThat(messages.getMessage("interview.exchange", new Object[] {3}, RUSSIAN)).isEqualTo("Вопрос 3");
    }
}
