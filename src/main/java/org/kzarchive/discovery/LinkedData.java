package org.kzarchive.discovery;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kzarchive.archive.PublicationStatus;
import org.kzarchive.archive.Translation;
import org.kzarchive.archive.TranslationRepository;
import org.kzarchive.reading.Edition;
import org.kzarchive.system.PublicAddress;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * schema.org JSON-LD of an edition's pages (called from the page head): an Article with its
 * language, author, translator, dates and source, linked to the other editions of the same work.
 * An edition without a translator is the original the others were translated from; when the
 * archive holds no original, every edition is a translation of the source it names.
 */
@Component("linkedData")
public class LinkedData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TranslationRepository translations;
    private final PublicAddress address;
    private final MessageSource messages;

    LinkedData(TranslationRepository translations, PublicAddress address, MessageSource messages) {
        this.translations = translations;
        this.address = address;
        this.messages = messages;
    }

    /** The JSON, safe inside a script element: no "<" can close it. */
    @Transactional(readOnly = true)
    public String article(Edition edition) {
        var metadata = edition.metadata();
        List<Translation> all = translations.findByWork(edition.workSlug(), PublicationStatus.PUBLISHED);
        Optional<Translation> current = all.stream().filter(t -> t.getLanguage().equals(edition.language())).findFirst();
        Optional<Translation> original = all.stream().filter(t -> t.getTranslator() == null || t.getTranslator().isBlank()).findFirst();
        String self = address.absolute(edition.path());

        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@context", "https://schema.org");
        article.put("@type", "Article");
        article.put("@id", self);
        article.put("url", self);
        article.put("headline", metadata.title());
        if (metadata.subtitle() != null) {
            article.put("alternativeHeadline", metadata.subtitle());
        }
        article.put("description", edition.summary());
        article.put("inLanguage", edition.language());
        if (metadata.author() != null) {
            article.put("author", object("@type", "Organization", "name", metadata.author()));
        }
        if (metadata.translator() != null) {
            article.put("translator", object("@type", "Organization", "name", metadata.translator()));
        }
        if (metadata.published() != null) {
            article.put("datePublished", metadata.published());
        }
        current.map(Translation::getUpdatedAt).ifPresent(updated ->
                article.put("dateModified", DateTimeFormatter.ISO_INSTANT.format(updated.truncatedTo(ChronoUnit.SECONDS))));
        if (metadata.originalUrl() != null) {
            article.put("isBasedOn", metadata.originalUrl());
        } else if (metadata.source() != null) {
            article.put("isBasedOn", object("@type", "CreativeWork", "name", metadata.source()));
        }
        article.put("publisher", object("@type", "Organization", "name",
                messages.getMessage("site.name", null, java.util.Locale.forLanguageTag(edition.language())), "url", address.absolute("/")));
        article.put("mainEntityOfPage", self);

        List<Map<String, Object>> others = new ArrayList<>();
        for (Translation other : all) {
            if (!other.getLanguage().equals(edition.language())) {
                others.add(reference(other));
            }
        }
        if (original.isPresent() && original.get().getLanguage().equals(edition.language())) {
            if (!others.isEmpty()) {
                article.put("workTranslation", others);
            }
        } else if (original.isPresent()) {
            article.put("translationOfWork", reference(original.get()));
        } else if (metadata.originalUrl() != null) {
            List<Map<String, Object>> editions = new ArrayList<>(others);
            editions.add(object("@id", self));
            article.put("translationOfWork", object("@id", metadata.originalUrl(), "url", metadata.originalUrl(),
                    "workTranslation", editions));
        }
        return JSON.writeValueAsString(article).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /**
     * A JSON object whose keys keep the order given, so that a page's bytes are the same on every
     * instance and after every restart ({@code Map.of} orders its keys anew in each JVM).
     */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private Map<String, Object> reference(Translation translation) {
        String url = address.absolute("/" + translation.getLanguage() + "/" + translation.getWork().getSlug());
        return object("@type", "Article", "@id", url, "url", url, "headline", translation.getTitle(),
                "inLanguage", translation.getLanguage());
    }
}
