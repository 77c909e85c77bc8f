package org.cordon.text.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.ahocorasick.trie.Trie;
import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {
  @Test
  void findsOverlappingAndNestedKeywordsWithTheirSpans() {
    KeywordAutomaton automaton = new KeywordAutomaton(List.of("he", "she", "his", "hers"));

    assertThat(occurrences(automaton, "ushers")).containsExactlyInAnyOrder("1:1-4", "0:2-4", "3:2-6");
  }

  @Test
  void findsKeywordsOutsideTheDirectTableOfTheRoot() {
    KeywordAutomaton automaton = new KeywordAutomaton(List.of("灯笼", "😀x", "фонарь"));

    assertThat(occurrences(automaton, "a 灯笼 and 😀x, фонарь")).containsExactlyInAnyOrder("0:2-4", "1:9-12", "2:14-20");
  }

  @Test
  void refusesAnEmptyKeyword() {
    assertThatThrownBy(() -> new KeywordAutomaton(List.of("lantern", ""))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsWhatTheLibraryAutomatonFindsOnRandomKeywordsAndTexts() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String alphabet = "abcab ء ا ل лаж灯";
    for (int round = 0; round < 200; round++) {
      LinkedHashSet<String> distinct = new LinkedHashSet<>();
      int count = 1 + random.nextInt(30);
      while (distinct.size() < count) {
        distinct.add(randomText(random, alphabet, 1 + random.nextInt(5)));
      }
      List<String> keywords = List.copyOf(distinct);
      String text = randomText(random, alphabet, random.nextInt(60));
      List<String> expected = new ArrayList<>();
      Trie.builder().addKeywords(keywords).build().parseText(text, emit -> {
        expected.add(keywords.indexOf(emit.getKeyword()) + ":" + emit.getStart() + "-" + (emit.getEnd() + 1));
        return true;
      });
      assertThat(occurrences(new KeywordAutomaton(keywords), text)).as("seed %d, keywords %s, text '%s'", seed, keywords, text)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static List<String> occurrences(KeywordAutomaton automaton, String text) {
    List<String> found = new ArrayList<>();
    automaton.search(text, (keyword, start, end) -> found.add(keyword + ":" + start + "-" + end));
    return found;
  }
}
