package org.kzarchive.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.Translation;
import org.kzarchive.archive.TranslationRepository;
import org.kzarchive.archive.Languages;
import org.kzarchive.system.InterfaceLanguage;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The archive's front page: its works and the languages each can be read in. It speaks the
 * language of {@code /?hl=…}, else the browser's (see {@link InterfaceLanguage}); each work is
 * shown by its edition in that language when there is one.
 */
@Controller
class HomeController {

    private final TranslationRepository translations;

    HomeController(TranslationRepository translations) {
        this.translations = translations;
    }

    @GetMapping("/")
    @Transactional(readOnly = true)
    String home(Locale locale, Model model) {
        Map<String, List<Translation>> works = new LinkedHashMap<>();
        for (Translation t : translations.findAllByStatus(PublicationStatus.PUBLISHED)) {
            works.computeIfAbsent(t.getWork().getSlug(), k -> new ArrayList<>()).add(t);
        }
        // each work is presented by its edition in the reader's language, else by its reference edition
        works.values().forEach(editions -> editions.sort(Comparator.comparingInt((Translation t) ->
                Locale.forLanguageTag(t.getLanguage()).getLanguage().equals(locale.getLanguage()) ? 0
                        : t.getLanguage().equals(t.getWork().facts().reference()) ? 1 : 2)));
        model.addAttribute("works", works);
        model.addAttribute("canonical", homeOf(locale.toLanguageTag()));
        model.addAttribute("interfaceLanguages",
                InterfaceLanguage.choices(locale, Languages::nativeName, HomeController::homeOf));
        return "reading/home";
    }

    /** The home page in one interface language: /?hl=ru */
    private static String homeOf(String language) {
        return "/?" + InterfaceLanguage.PARAMETER + "=" + language;
    }
}
