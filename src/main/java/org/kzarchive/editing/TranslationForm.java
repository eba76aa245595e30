package org.kzarchive.editing;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

/**
 * What an editor fills in to add or revise a translation. The fields that are filled in are
 * written into the Markdown's front matter (see {@link org.kzarchive.importing.FrontMatterFields});
 * the Markdown, front matter included, is what is stored.
 */
class TranslationForm {

    @NotBlank(message = "Choose the work this text translates.")
    private String work;

    @NotBlank(message = "Give the language's code, for example en, ru, de or pt-BR.")
    @Size(max = 35, message = "A language code has at most 35 characters.")
    private String language;

    @Size(max = 300, message = "Keep the title under 300 characters.")
    private String title;

    @Size(max = 500, message = "Keep the subtitle under 500 characters.")
    private String subtitle;

    @Size(max = 300, message = "Keep the translator credit under 300 characters.")
    private String translator;

    @Size(max = 300, message = "Keep the source under 300 characters.")
    private String source;

    private String markdown = "";

    private MultipartFile upload;

    @Size(max = 500, message = "Keep the message under 500 characters.")
    private String message;

    /** For the reference edition: the change needs no new translation (typo, punctuation), translations stay current. */
    private boolean minorChange;

    /** the revision the editor started from: 0 for a new translation */
    private int baseRevision;

    /** the front matter values this form sets, in the order of content/README.md */
    Map<String, String> frontMatter() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("work", work);
        values.put("language", language);
        values.put("title", title);
        values.put("subtitle", subtitle);
        values.put("translator", translator);
        values.put("source", source);
        return values;
    }

    public String getWork() {
        return work;
    }

    public void setWork(String work) {
        this.work = work == null ? null : work.strip();
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null ? null : language.strip();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSubtitle() {
        return subtitle;
    }

    public void setSubtitle(String subtitle) {
        this.subtitle = subtitle;
    }

    public String getTranslator() {
        return translator;
    }

    public void setTranslator(String translator) {
        this.translator = translator;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getMarkdown() {
        return markdown;
    }

    public void setMarkdown(String markdown) {
        this.markdown = markdown == null ? "" : markdown;
    }

    public MultipartFile getUpload() {
        return upload;
    }

    public void setUpload(MultipartFile upload) {
        this.upload = upload;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public int getBaseRevision() {
        return baseRevision;
    }

    public void setBaseRevision(int baseRevision) {
        this.baseRevision = baseRevision;
    }

    public boolean isMinorChange() {
        return minorChange;
    }

    public void setMinorChange(boolean minorChange) {
        this.minorChange = minorChange;
    }
}
