package org.kzarchive.citing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kzarchive.archive.Languages;
import org.kzarchive.archive.RenderedTranslation;
import org.kzarchive.reading.Edition;
import org.kzarchive.system.PublicAddress;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Citations of a passage (a block, or a section by its heading): plain text, BibTeX and CSL-JSON. */
@Component
class Citations {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final PublicAddress address;
    private final MessageSource messages;

    Citations(PublicAddress address, MessageSource messages) {
        this.address = address;
        this.messages = messages;
    }

    /** @param consulted the day the reader consults it */
    Optional<Citation> of(Edition edition, String anchor, LocalDate consulted) {
        List<RenderedTranslation.Block> blocks = edition.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).anchor().equals(anchor)) {
                return Optional.of(cite(edition, anchor, blocks.get(i).plainText(), i + 1, consulted));
            }
        }
        int position = 0;
        for (var section : edition.sections()) {
            if (section.anchor().equals(anchor) && section.title() != null) {
                return Optional.of(cite(edition, anchor, section.title(), position + 1, consulted));
            }
            position += section.blocks().size();
        }
        return Optional.empty();
    }

    private Citation cite(Edition edition, String anchor, String passage, int paragraph, LocalDate consulted) {
        var metadata = edition.metadata();
        Locale locale = Locale.forLanguageTag(edition.language());
        String url = address.absolute(edition.path()) + "#" + anchor;
        String archive = messages.getMessage("site.name", null, locale);
        String language = Languages.nativeName(edition.language());
        String translated = metadata.translator() == null ? ""
                : messages.getMessage("cite.translated", new Object[] {metadata.translator()}, locale);
        String plain = messages.getMessage("cite.plain", new Object[] {metadata.author() == null ? archive : metadata.author(),
                metadata.title(), language, translated, archive, paragraph, url, consulted.toString()}, locale);
        return new Citation(passage, paragraph, url, plain, bibtex(edition, anchor, paragraph, url, archive, consulted),
                cslJson(edition, anchor, paragraph, url, archive, consulted));
    }

    private static String bibtex(Edition edition, String anchor, int paragraph, String url, String archive, LocalDate consulted) {
        var metadata = edition.metadata();
        String year = year(metadata.published());
        StringBuilder entry = new StringBuilder("@misc{")
                .append(key(edition.workSlug() + "-" + edition.language() + "-" + anchor)).append(",\n");
        field(entry, "author", metadata.author() == null ? null : "{" + bibtexText(metadata.author()) + "}");
        field(entry, "title", "{" + bibtexText(metadata.title()) + "}");
        field(entry, "translator", metadata.translator() == null ? null : "{" + bibtexText(metadata.translator()) + "}");
        field(entry, "year", year);
        field(entry, "langid", bibtexText(edition.language()));
        field(entry, "publisher", bibtexText(archive));
        field(entry, "howpublished", "\\url{" + bibtexUrl(url) + "}");
        field(entry, "url", bibtexUrl(url));
        field(entry, "urldate", consulted.toString());
        field(entry, "note", "§ " + paragraph);
        return entry.append("}").toString();
    }

    private static void field(StringBuilder entry, String name, String value) {
        if (value != null && !value.isBlank()) {
            entry.append("  ").append(name).append(" = {").append(value).append("},\n");
        }
    }

    /** A citation key of letters, digits and hyphens only. */
    private static String key(String text) {
        return text.replaceAll("[^A-Za-z0-9-]", "-");
    }

    /** BibTeX's special characters escaped, so that a title cannot unbalance the entry. */
    static String bibtexText(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static String bibtexUrl(String url) {
        return url.replace("%", "\\%").replace("#", "\\#").replace("{", "%7B").replace("}", "%7D");
    }

    private static String year(String date) {
        return date != null && date.matches("\\d{4}.*") ? date.substring(0, 4) : null;
    }

    private String cslJson(Edition edition, String anchor, int paragraph, String url, String archive, LocalDate consulted) {
        var metadata = edition.metadata();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", edition.workSlug() + "/" + edition.language() + "#" + anchor);
        item.put("type", "article");
        item.put("title", metadata.title());
        if (metadata.author() != null) {
            item.put("author", List.of(Map.of("literal", metadata.author())));
        }
        if (metadata.translator() != null) {
            item.put("translator", List.of(Map.of("literal", metadata.translator())));
        }
        item.put("language", edition.language());
        List<Integer> issued = dateParts(metadata.published());
        if (!issued.isEmpty()) {
            item.put("issued", Map.of("date-parts", List.of(issued)));
        }
        item.put("accessed", Map.of("date-parts", List.of(List.of(consulted.getYear(), consulted.getMonthValue(), consulted.getDayOfMonth()))));
        item.put("publisher", archive);
        item.put("container-title", archive);
        item.put("URL", url);
        item.put("locator", String.valueOf(paragraph));
        item.put("label", "paragraph");
        if (metadata.originalUrl() != null) {
            item.put("source", metadata.originalUrl());
        }
        return JSON.writeValueAsString(List.of(item));
    }

    private static List<Integer> dateParts(String date) {
        List<Integer> parts = new ArrayList<>();
        if (date != null && date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            for (String part : date.split("-")) {
                parts.add(Integer.parseInt(part));
            }
        }
        return parts;
    }
}
