package org.kzarchive.search;

/**
 * Reduces the Latin spellings of a transliterated (mostly Russian or Kazakh) name to one key, so
 * that the spellings a text mixes meet: Tokayev/Tokaev, Nazarbayev/Nazarbaev,
 * Akhmedyarov/Akhmediyarov, Gorbaciov/Gorbachev. Input is lower case and already folded to ASCII.
 *
 * <p>The rules only touch letter groups that are rare in Italian and English words (kh, ch, y next
 * to a vowel, a final -iov), and they are only applied to capitalised words in the index, so
 * ordinary vocabulary is left as it is.
 */
final class NameSpellings {

    private NameSpellings() {
    }

    static String key(String word) {
        String key = word.replace("kh", "h") // Akhmetov, Ahmetov
                .replace("ch", "c"); // Gorbachev (English) and Gorbaciov (Italian) spell ч as ch or ci
        if (key.endsWith("iov") || key.endsWith("yov")) {
            key = key.substring(0, key.length() - 3) + "ev"; // Italian -iov, English -ev, also -yov
        }
        return softenY(key);
    }

    /** y between vowels is a glide some spellings drop (Tokayev, Tokaev); before a vowel it is i. */
    private static String softenY(String word) {
        if (word.indexOf('y') < 0) {
            return word;
        }
        StringBuilder result = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == 'y') {
                boolean vowelBefore = i > 0 && isVowel(word.charAt(i - 1));
                boolean vowelAfter = i + 1 < word.length() && isVowel(word.charAt(i + 1));
                if (vowelBefore && vowelAfter) {
                    continue; // Tokayev -> tokaev, Akhmediyarov -> ahmediarov
                }
                if (vowelAfter && i > 0) {
                    result.append('i'); // Akhmedyarov -> ahmediarov
                    continue;
                }
            }
            result.append(c);
        }
        return result.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
