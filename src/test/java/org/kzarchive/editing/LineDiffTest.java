package org.kzarchive.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.kzarchive.editing.LineDiff.Kind;

class LineDiffTest {

    @Test
    void identicalTextsHaveNoChanges() {
        var diff = LineDiff.between("a\nb\nc", "a\nb\nc");
        assertThat(diff.identical()).isTrue();
        assertThat(diff.lines()).extracting(LineDiff.Line::kind).doesNotContain(Kind.ADDED, Kind.REMOVED);
    }

    @Test
    void aChangedWordIsMarkedInsideTheOldAndTheNewLine() {
        var diff = LineDiff.between("The protests began on 2 January.", "The protests began on 4 January.");
        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.removed()).isEqualTo(1);
        var removed = diff.lines().get(0);
        var added = diff.lines().get(1);
        assertThat(removed.kind()).isEqualTo(Kind.REMOVED);
        assertThat(removed.text()).isEqualTo("The protests began on 2 January.");
        assertThat(removed.pieces()).filteredOn(LineDiff.Piece::changed).extracting(LineDiff.Piece::text).containsExactly("2");
        assertThat(added.pieces()).filteredOn(LineDiff.Piece::changed).extracting(LineDiff.Piece::text).containsExactly("4");
    }

    @Test
    void longUnchangedStretchesAreFoldedKeepingTwoLinesAroundEachChange() {
        String before = IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String after = before.replace("line 15\n", "line fifteen\n");
        var diff = LineDiff.between(before, after);
        assertThat(diff.lines()).extracting(LineDiff.Line::kind).containsExactly(
                Kind.SKIPPED, Kind.SAME, Kind.SAME, Kind.REMOVED, Kind.ADDED, Kind.SAME, Kind.SAME, Kind.SKIPPED);
        assertThat(diff.lines().get(0).skipped()).isEqualTo(12);
        assertThat(diff.lines().get(3).oldNumber()).isEqualTo(15);
        assertThat(diff.lines().get(4).newNumber()).isEqualTo(15);
    }

    @Test
    void lineNumbersFollowEachTextWhenLinesAreAddedOrRemoved() {
        var diff = LineDiff.between("a\nb\nc\nd", "a\nnew\nb\nc");
        assertThat(diff.lines()).extracting(LineDiff.Line::kind, LineDiff.Line::oldNumber, LineDiff.Line::newNumber).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.SAME, 1, 1),
                org.assertj.core.groups.Tuple.tuple(Kind.ADDED, null, 2),
                org.assertj.core.groups.Tuple.tuple(Kind.SAME, 2, 3),
                org.assertj.core.groups.Tuple.tuple(Kind.SAME, 3, 4),
                org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, 4, null));
    }

    @Test
    void wordsOfTwoVeryLongLinesAreComparedWithinTheBudgetOrTheLinesShownWhole() {
        String before = "parola ".repeat(5_800) + "fine";
        String after = "altra ".repeat(6_700) + "fine";
        var diff = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> LineDiff.between(before, after));
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.notice()).isEqualTo(LineDiff.WORDS_SKIPPED);
        assertThat(diff.lines().get(0).text()).isEqualTo(before);
    }

    @Test
    void textsTooDifferentToCompareInTimeGetANoticeInsteadOfADiff() {
        String before = IntStream.range(0, 2_400).mapToObj(i -> "riga " + i).collect(Collectors.joining("\n"));
        String after = IntStream.range(0, 2_400).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        var diff = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> LineDiff.between(before, after, java.time.Duration.ZERO));
        assertThat(diff.identical()).isFalse();
        assertThat(diff.lines()).isEmpty();
        assertThat(diff.notice()).contains("differ too much");
    }

    @Test
    void textsWithTooManyChangedLinesGetANoticeQuickly() {
        String before = IntStream.range(0, 9_000).mapToObj(i -> "riga " + i).collect(Collectors.joining("\n"));
        String after = IntStream.range(0, 9_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        var diff = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> LineDiff.between(before, after));
        assertThat(diff.identical()).isFalse();
        assertThat(diff.notice()).contains("18000 lines");
    }

    @Test
    void aLongTextWithOneChangedLineIsComparedQuickly() {
        String before = IntStream.range(0, 30_000).mapToObj(i -> "riga " + i).collect(Collectors.joining("\n"));
        String after = before.replace("riga 15000\n", "riga quindicimila\n");
        var diff = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> LineDiff.between(before, after));
        assertThat(diff.notice()).isNull();
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.added()).isEqualTo(1);
    }
}
