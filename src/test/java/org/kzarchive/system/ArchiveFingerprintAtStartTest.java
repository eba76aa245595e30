package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The digest a start took first is the answer to "the archive as this process found it": asked again,
 * it is not read from every table a second time, and a later digest does not replace it.
 */
class ArchiveFingerprintAtStartTest {

    /** Digests as the archive would give them, one per reading; empty where it could not be read. */
    private static final class Readings extends ArchiveFingerprint {
        private final Deque<Optional<String>> answers;
        int reads;

        @SafeVarargs
        Readings(Optional<String>... answers) {
            super(null);
            this.answers = new ArrayDeque<>(Arrays.asList(answers));
        }

        @Override
        Optional<String> take() {
            reads++;
            return answers.removeFirst();
        }
    }

    @Test
    void theDigestTakenForTheKeptPagesIsReusedWithoutReadingTheArchiveAgain() {
        var archive = new Readings(Optional.of("as the start found it"), Optional.of("after an editor's change"));

        assertThat(archive.now()).contains("as the start found it");
        assertThat(archive.now()).contains("after an editor's change");
        assertThat(archive.atStart()).contains("as the start found it");
        assertThat(archive.reads).isEqualTo(2);
    }

    @Test
    void withoutAnEarlierDigestTheStartsOwnIsTakenOnce() {
        var archive = new Readings(Optional.of("as the start found it"));

        assertThat(archive.atStart()).contains("as the start found it");
        assertThat(archive.atStart()).contains("as the start found it");
        assertThat(archive.reads).isEqualTo(1);
    }

    @Test
    void aStartThatCouldNotReadTheArchiveHasNoDigestEvenOnceItCan() {
        var archive = new Readings(Optional.empty(), Optional.of("read later"));

        assertThat(archive.now()).isEmpty();
        assertThat(archive.now()).contains("read later");
        assertThat(archive.atStart()).isEmpty();
    }
}
