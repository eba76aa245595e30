package org.kzarchive.importing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one Markdown pipeline: parser, renderer and import, shared by the seed and the editors. */
@Configuration(proxyBeanMethods = false)
class ImportingConfiguration {

    @Bean
    TranslationParser translationParser() {
        return new TranslationParser();
    }

    @Bean
    MarkdownRenderer markdownRenderer() {
        return new MarkdownRenderer();
    }

    @Bean
    TranslationRenderer translationRenderer(MarkdownRenderer markdownRenderer) {
        return new TranslationRenderer(markdownRenderer);
    }

    @Bean
    ContentImport contentImport(TranslationParser parser, TranslationRenderer renderer) {
        return new ContentImport(parser, renderer);
    }
}
