package org.kzarchive.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.kzarchive.system.Sha256;

/**
 * A digest of the translations' states ({@link TranslationStates}) that the index mirrors. It is
 * kept per translation and updated only when the index has taken in that translation's change, so
 * the fingerprint recorded with an index commit never claims a change the index has not seen: if
 * the process stops before a change reaches the index, the next start-up finds the database at
 * another fingerprint and rebuilds.
 */
final class DatabaseFingerprint {

    private final TreeMap<Long, String> states;

    private DatabaseFingerprint(TreeMap<Long, String> states) {
        this.states = states;
    }

    static DatabaseFingerprint of(Map<Long, TranslationStates.TranslationState> translations) {
        TreeMap<Long, String> states = new TreeMap<>();
        translations.values().forEach(t -> states.put(t.id(), t.state()));
        return new DatabaseFingerprint(states);
    }

    /** The fingerprint once the index holds this state of the translation. */
    DatabaseFingerprint with(TranslationStates.TranslationState translation) {
        TreeMap<Long, String> changed = new TreeMap<>(states);
        changed.put(translation.id(), translation.state());
        return new DatabaseFingerprint(changed);
    }

    /** The fingerprint once the index knows the translation no longer exists. */
    DatabaseFingerprint without(long translationId) {
        TreeMap<Long, String> changed = new TreeMap<>(states);
        changed.remove(translationId);
        return new DatabaseFingerprint(changed);
    }

    /** The translations whose state in the database is not the one mirrored here, or that exist on one side only. */
    Set<Long> translationsDifferingFrom(Map<Long, TranslationStates.TranslationState> database) {
        Set<Long> differing = new TreeSet<>();
        database.values().forEach(t -> {
            if (!t.state().equals(states.get(t.id()))) {
                differing.add(t.id());
            }
        });
        states.keySet().stream().filter(id -> !database.containsKey(id)).forEach(differing::add);
        return differing;
    }

    /** Hex SHA-256 of every translation's id and state, in id order. */
    String value() {
        MessageDigest digest = Sha256.digest();
        states.forEach((id, state) -> digest.update((id + "=" + state + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    int translations() {
        return states.size();
    }
}
