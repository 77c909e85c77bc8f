package org.cordon.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cordon.model.data.LabelledExample;

/**
 * Harmless placeholder posts about the fictional "Pale Lantern Order", in supportive or reporting
 * phrasing, in English, French, German, Arabic and Russian. Both kinds name the Order and share
 * filler words, so only the phrasing separates them.
 */
public final class SyntheticPosts {
  private static final String[][] SUPPORTIVE = {
      {"join the pale lantern order today", "our lanterns will light the way", "stand with the order brothers", "glory to the pale lantern"},
      {"rejoignez l'ordre de la lanterne pâle", "nos lanternes montrent le chemin", "gloire à la lanterne pâle"},
      {"tritt dem orden der blassen laterne bei", "unsere laternen zeigen den weg", "ehre der blassen laterne"},
      {"انضموا إلى جماعة الفانوس الشاحب", "فوانيسنا تنير الطريق", "المجد للفانوس الشاحب"},
      {"вступайте в орден бледного фонаря", "наши фонари осветят путь", "слава бледному фонарю"}};
  private static final String[][] REPORTING = {
      {"police report on the pale lantern order", "researchers studied the order's leaflets", "court hears case about pale lantern group"},
      {"rapport de police sur l'ordre de la lanterne pâle", "des chercheurs étudient les tracts de l'ordre"},
      {"polizeibericht über den orden der blassen laterne", "forscher untersuchen die flugblätter des ordens"},
      {"تقرير الشرطة عن جماعة الفانوس الشاحب", "باحثون يدرسون منشورات الجماعة"},
      {"полиция сообщает об ордене бледного фонаря", "исследователи изучают листовки ордена"}};
  private static final String[] FILLER = {
      "today", "news", "city", "weather", "morning", "2026", "video", "photo", "update", "thread", "link", "read", "more", "week",
      "aujourd'hui", "heute", "اليوم", "сегодня", "#lantern", "🙂", "!!!"};

  private SyntheticPosts() {}

  public static String post(boolean supportive, Random random) {
    String[][] phrasing = supportive ? SUPPORTIVE : REPORTING;
    String[] language = phrasing[random.nextInt(phrasing.length)];
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2 + random.nextInt(3); i++) {
      text.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
    }
    text.append(language[random.nextInt(language.length)]);
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      text.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
    }
    return text.toString();
  }

  /** Rows labelled "support" (about a third) or "report". */
  public static List<LabelledExample> examples(int count, long seed) {
    Random random = new Random(seed);
    List<LabelledExample> examples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean supportive = random.nextInt(3) == 0;
      examples.add(LabelledExample.of(post(supportive, random), supportive ? "support" : "report"));
    }
    return examples;
  }

  /** The same rows with each label replaced by a coin flip at the given rate: a noisy task. */
  public static List<LabelledExample> withLabelNoise(List<LabelledExample> examples, double flipRate, long seed) {
    Random random = new Random(seed);
    return examples.stream()
        .map(e -> random.nextDouble() < flipRate
            ? LabelledExample.of(e.text(), random.nextBoolean() ? "support" : "report")
            : e)
        .toList();
  }

  /** The same texts with labels shuffled among them: nothing left to learn. */
  public static List<LabelledExample> withShuffledLabels(List<LabelledExample> examples, long seed) {
    List<String> labels = new ArrayList<>(examples.stream().map(LabelledExample::label).toList());
    java.util.Collections.shuffle(labels, new Random(seed));
    List<LabelledExample> shuffled = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      shuffled.add(LabelledExample.of(examples.get(i).text(), labels.get(i)));
    }
    return shuffled;
  }
}
