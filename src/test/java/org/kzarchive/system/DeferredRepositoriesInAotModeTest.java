package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.repository.Repository;

class DeferredRepositoriesInAotModeTest {

    interface Notes extends Repository<Object, Long> {
        long count();
    }

    /** What was made, in order. */
    static final class Made extends ArrayList<String> {
    }

    static final class Reader {
        final Notes notes;

        public Reader(Notes notes, Made made) {
            this.notes = notes;
            made.add("reader");
        }
    }

    private final Made made = new Made();

    @Test
    void inAotModeABeanGivenARepositoryIsMadeFirstAndTheRepositoryWhenTheContextIsReady() {
        System.setProperty(AotDetector.AOT_ENABLED, "true");
        try (var context = contextWithARepositoryAndItsReader()) {
            assertThat(made).containsExactly("reader", "repository");
            assertThat(context.getBean(Reader.class).notes.count()).isEqualTo(3);
            assertThat(made).containsExactly("reader", "repository");
        } finally {
            System.clearProperty(AotDetector.AOT_ENABLED);
        }
    }

    @Test
    void outsideAotModeItLeavesTheRepositoriesToSpringData() {
        try (var context = contextWithARepositoryAndItsReader()) {
            assertThat(made).containsExactly("repository", "reader");
            assertThat(context.getBean(Reader.class).notes.count()).isEqualTo(3);
        }
    }

    /** A lazy repository, as Spring Data declares them, and a bean given it, declared after it. */
    private GenericApplicationContext contextWithARepositoryAndItsReader() {
        var context = new GenericApplicationContext();
        context.registerBean(DeferredRepositoriesInAotMode.class);
        context.registerBean("notes", Notes.class, () -> {
            made.add("repository");
            return () -> 3L;
        }, definition -> definition.setLazyInit(true));
        context.registerBean(Made.class, () -> made);
        context.registerBean(Reader.class); // its constructor's arguments resolved as in the build's bean definitions
        context.refresh();
        return context;
    }
}
