package org.cordon.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a post into the form lexicons are matched against, undoing the disguises people use to
 * dodge word lists, while remembering where every character came from ({@link NormalisedText}).
 * Immutable and thread-safe; one instance serves every thread.
 *
 * <p>The steps, in order:
 *
 * <ol>
 *   <li><b>Unicode</b>: NFKC with case folding (ICU {@code NFKC_Casefold}), which also maps
 *       full-width and mathematical letters to ASCII and deletes default-ignorable characters:
 *       zero-width space, ZWJ, ZWNJ, word joiner, LRM/RLM, bidi embeddings and overrides
 *       (U+202A–E), isolates (U+2066–9), soft hyphen, BOM, variation selectors. Any other format
 *       (Cf) or control character is dropped too; every kind of white space becomes one space.
 *   <li><b>Arabic</b>: harakat, tanwin, shadda, sukun, superscript alef and Quranic annotation
 *       marks are dropped, as is tatweel; أ إ آ ٱ → ا, ى and Persian ی → ي, ة → ه, ؤ → و, ئ → ي,
 *       Persian ک → ك.
 *   <li><b>Digits</b> of every script (Arabic-Indic, Persian, Devanagari, …) → ASCII.
 *   <li><b>Separators inside words</b>: a token of at least three single letters joined by one
 *       repeated separator ("l.a.n.t.e.r.n", "l-a-n-t-e-r-n") and a run of at least four single
 *       letters separated by single spaces ("l a n t e r n") are closed up, then segmented into
 *       words like a hashtag (see below), since "p a l e l a n t e r n" hides two words.
 *   <li><b>Leetspeak</b>, only in words that contain a letter, and only digit runs made entirely of
 *       leet digits (so "covid19" and "lantern2024" keep their numbers): 4→a 3→e 1→i 0→o 5→s 7→t,
 *       and @→a (inside a word, so "@name" stays a mention), $→s, |→l ("$" and "|" also at the start of a word). Pure numbers are untouched. Done
 *       before homoglyphs, so the Latin letters it makes count when a word is checked for mixed
 *       scripts.
 *   <li><b>Homoglyphs</b>, per word: Cyrillic, Greek and Armenian letters that look like Latin
 *       ones (from ICU's confusables, see {@link Homoglyphs}) become those Latin letters only when
 *       the word mixes scripts ("раle" with Cyrillic р and а), or when the word is made of
 *       look-alikes only and the text as a whole is mostly Latin ("рое" in an English post). A word
 *       in a Russian or Greek sentence that is written in one script is left alone, so genuine
 *       Russian and Greek text survives. Latin-script look-alikes ("ɑ") always become ASCII.
 *   <li><b>Repeated letters</b>: a run of three or more of the same letter becomes ONE letter
 *       ("paaaale" → "pale"); doubled letters are kept, so "coffee" stays, "coffeeee" becomes "coffe".
 *       Terms go through the same rule, so a term with a double letter still matches its own
 *       spelling.
 *   <li><b>Hashtags</b>: the "#" is dropped; "#PaleLanternOrder" splits at its capitals (from the
 *       original case) into "pale lantern order"; a hashtag in one case ("#palelanternorder") is
 *       split by dynamic programming into the fewest words of the {@linkplain
 *       #withSegmentationWords segmentation words} (digit runs count as words), and left whole when
 *       no split covers it.
 * </ol>
 */
public final class Normaliser {
  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  /** Longer runs are not worth segmenting: real hashtags are shorter, and the cost is quadratic. */
  private static final int LONGEST_SEGMENTABLE = 80;
  private static final Normaliser STANDARD = new Normaliser(Set.of(), 0);
  /**
   * The last text each thread folded and what it became. One post goes through several detectors
   * (near-duplicate shingles, classifier features, its explanation) that each fold the same String
   * with the same normaliser; the second and later calls find it here instead of folding again.
   * Keyed by identity, so the check costs a pointer comparison and a different but equal string
   * merely misses.
   */
  private static final ThreadLocal<LastFold> LAST_FOLD = new ThreadLocal<>();

  /**
   * @param standardToo whether no segmentation word was used, so any normaliser without them
   *     (the standard one) folds the input the same way
   */
  private record LastFold(Normaliser normaliser, boolean standardToo, String input, String output) {
    boolean holds(Normaliser asked, String text) {
      return input == text && (normaliser == asked || (standardToo && !asked.canSegment()));
    }
  }

  private final Set<String> segmentationWords;
  private final int longestWord;

  private Normaliser(Set<String> segmentationWords, int longestWord) {
    this.segmentationWords = segmentationWords;
    this.longestWord = longestWord;
  }

  /** The normaliser without segmentation words: hashtags split only at capitals. */
  public static Normaliser standard() {
    return STANDARD;
  }

  /**
   * A normaliser that also splits one-case hashtags and spaced-out letters into these words
   * (typically every word of a lexicon's terms). Words are normalised first; words of one letter
   * are ignored, as they would let almost anything be "segmented".
   */
  public Normaliser withSegmentationWords(Collection<String> words) {
    Set<String> folded = new HashSet<>();
    int longest = 0;
    for (String word : words) {
      for (String part : STANDARD.fold(Objects.requireNonNull(word, "word")).split(" ")) {
        if (part.codePointCount(0, part.length()) >= 2 && part.length() == part.codePointCount(0, part.length())) {
          folded.add(part);
          longest = Math.max(longest, part.length());
        }
      }
    }
    return new Normaliser(Set.copyOf(folded), longest);
  }

  /** The words one-case hashtags are split into, normalised. */
  public Set<String> segmentationWords() {
    return segmentationWords;
  }

  public NormalisedText normalise(String text) {
    Objects.requireNonNull(text, "text");
    WordSteps steps = new WordSteps(unicodeAndScripts(text), this);
    NormalisedText normalised = steps.run().toText(text);
    // The lexicon's normaliser runs first on a post; the standard one (near-duplicate shingles,
    // classifier features) then finds the same result here instead of folding the text again.
    LAST_FOLD.set(new LastFold(this, !steps.usedSegmentationWords(), text, normalised.normalised()));
    return normalised;
  }

  /** Only the normalised string, for callers that need no way back to the original. */
  public String fold(String text) {
    Objects.requireNonNull(text, "text");
    LastFold last = LAST_FOLD.get();
    if (last != null && last.holds(this, text)) {
      return last.output();
    }
    WordSteps steps = new WordSteps(unicodeAndScripts(text), this);
    String folded = steps.run().toPlainString();
    LAST_FOLD.set(new LastFold(this, !steps.usedSegmentationWords(), text, folded));
    return folded;
  }

  boolean canSegment() {
    return !segmentationWords.isEmpty();
  }

  boolean isWord(String candidate) {
    return segmentationWords.contains(candidate);
  }

  int longestWord() {
    return longestWord;
  }

  static int longestSegmentable() {
    return LONGEST_SEGMENTABLE;
  }

  // ---- step 1 to 3: one pass over the code points ----

  private static Trace unicodeAndScripts(String text) {
    Trace out = new Trace(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char ch = text.charAt(i);
      if (ch < 0x80 && (i + 1 == n || text.charAt(i + 1) < 0x300)) {
        ascii(out, ch, i);
        i++;
        continue;
      }
      int first = text.codePointAt(i);
      int j = i + Character.charCount(first);
      while (j < n) {
        int c = text.codePointAt(j);
        if (NFKC_CASEFOLD.hasBoundaryBefore(c)) {
          break;
        }
        j += Character.charCount(c);
      }
      byte letterCase = caseOf(first);
      if (j - i == Character.charCount(first) && NFKC_CASEFOLD.isInert(first)) {
        emit(out, first, i, j, letterCase);
      } else {
        String segment = NFKC_CASEFOLD.normalize(text.subSequence(i, j));
        for (int k = 0; k < segment.length(); ) {
          int c = segment.codePointAt(k);
          emit(out, c, i, j, letterCase);
          k += Character.charCount(c);
        }
      }
      i = j;
    }
    return out;
  }

  private static void ascii(Trace out, char ch, int at) {
    if (ch >= 'A' && ch <= 'Z') {
      out.add(ch + ('a' - 'A'), at, at + 1, Trace.UPPER);
    } else if (ch >= 'a' && ch <= 'z') {
      out.add(ch, at, at + 1, Trace.LOWER);
    } else if (ch == '\n' || ch == '\r' || ch == 0x0B || ch == 0x0C) {
      out.add('\n', at, at + 1, Trace.CASELESS);
    } else if (ch == ' ' || ch == '\t') {
      out.add(' ', at, at + 1, Trace.CASELESS);
    } else if (ch >= 0x20 && ch != 0x7F) {
      out.add(ch, at, at + 1, Trace.CASELESS);
    }
  }

  private static byte caseOf(int c) {
    if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
      return Trace.UPPER;
    }
    return Character.isLowerCase(c) ? Trace.LOWER : Trace.CASELESS;
  }

  private static void emit(Trace out, int c, int start, int end, byte letterCase) {
    if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C) {
      out.add('\n', start, end, Trace.CASELESS);
      return;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      out.add(' ', start, end, Trace.CASELESS);
      return;
    }
    int type = Character.getType(c);
    if (type == Character.FORMAT || type == Character.CONTROL) {
      return;
    }
    if (c >= 0x0600 && c <= 0x08FF) {
      int arabic = ArabicLetters.fold(c);
      if (arabic >= 0) {
        out.add(arabic, start, end, letterCase);
      }
      return;
    }
    if (type == Character.DECIMAL_DIGIT_NUMBER && c >= 0x80) {
      out.add('0' + UCharacter.digit(c, 10), start, end, Trace.CASELESS);
      return;
    }
    out.add(c, start, end, letterCase);
  }
}
