package org.kzarchive.reading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.Translation;
import org.kzarchive.archive.TranslationRepository;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The archive's front page: its works and the languages each can be read in. */
@Controller
class HomeController {

    private final TranslationRepository translations;

    HomeController(TranslationRepository translations) {
        this.translations = translations;
    }

    @GetMapping("/")
    @Transactional(readOnly = true)
    String home(Model model, java.util.Locale locale) {
        Map<String, List<Translation>> works = new LinkedHashMap<>();
        for (Translation t : translations.findAllByStatus(PublicationStatus.PUBLISHED)) {
            works.computeIfAbsent(t.getWork().getSlug(), k -> new java.util.ArrayList<>()).add(t);
        }
        // each work is presented by its edition in the reader's language, else by its reference edition
        works.values().forEach(list -> list.sort(java.util.Comparator.comparingInt((Translation t) ->
                t.getLanguage().equals(locale.toLanguageTag()) ? 0 : t.getLanguage().equals(t.getWork().facts().reference()) ? 1 : 2)));
        model.addAttribute("works", works);
        return "reading/home";
    }
}
