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
    String home(Model model) {
        Map<String, List<Translation>> works = new LinkedHashMap<>();
        for (Translation t : translations.findAllByStatus(PublicationStatus.PUBLISHED)) {
            works.computeIfAbsent(t.getWork().getSlug(), k -> new java.util.ArrayList<>()).add(t);
        }
        model.addAttribute("works", works);
        return "reading/home";
    }
}
