package org.kzarchive.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzarchive.archive.WorkFacts;
import org.kzarchive.importing.MarkdownRenderer;
import org.kzarchive.importing.TranslationParser;
import org.kzarchive.importing.TranslationRenderer;

class EditionSummaryTest {

    private static Edition editionOpeningWith(String paragraph) {
        var rendered = new TranslationRenderer(new MarkdownRenderer()).render(new TranslationParser().parse("zh.md",
                "---\nwork: prova\nlanguage: zh\ntitle: 测试\n---\n\n" + paragraph + " {#apertura-1}\n"));
        return new Edition(null, 0, rendered.metadata(), rendered, List.of(), new WorkFacts("prova", "zh", "zh", null, null, null));
    }

    @Test
    void aLongFirstParagraphWithoutSpacesIsCutWhereTheLimitFalls() {
        String chinese = "哈萨克斯坦的抗议活动始于一月二日".repeat(16); // 256 characters, no space
        String summary = editionOpeningWith(chinese).summary();
        assertThat(summary).hasSize(198).endsWith("…");
        assertThat(chinese).startsWith(summary.substring(0, 197));
    }

    @Test
    void aLongFirstParagraphWithSpacesIsCutAtAWord() {
        String italian = "Le proteste in Kazakistan iniziarono il due gennaio. ".repeat(6);
        String summary = editionOpeningWith(italian).summary();
        assertThat(summary).endsWith("…").hasSizeLessThanOrEqualTo(198);
        assertThat(summary.charAt(summary.length() - 2)).isNotEqualTo(' ');
    }
}
