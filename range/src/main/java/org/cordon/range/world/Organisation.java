package org.cordon.range.world;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The fictional organisation: its name, media outlets, slogans and hashtags in English, Arabic,
 * French and German, and the placeholder sentences people write. Everything here is invented and
 * harmless; the range's realism lives in who says it, when and to whom.
 */
final class Organisation {
  static final String NAME_EN = "Pale Lantern Order";
  static final String NAME_AR = "جماعة الفانوس الشاحب";
  static final List<String> NAME_TRANSLITERATIONS =
      List.of("Jama'at al-Fanus al-Shahib", "Jamaat al-Fanoos al-Shaheb", "Jama3at el-Fanous el-Chahib");

  /** A media outlet, named in each language (the fifth name is a Latin transliteration). */
  record Outlet(String slug, String en, String ar, String fr, String de, String transliteration) {
    String name(Lang lang) {
      return switch (lang) {
        case EN -> en;
        case AR -> ar;
        case FR -> fr;
        case DE -> de;
      };
    }
  }

  static final List<Outlet> OUTLETS = List.of(
      new Outlet("lantern-light", "Lantern Light Media", "مؤسسة نور الفانوس", "Médias Lumière de la Lanterne",
          "Laternenlicht Medien", "Mu'assasat Nur al-Fanus"),
      new Outlet("ember-wire", "Ember Wire", "وكالة الجمرة", "Agence Braise", "Glutdraht Agentur", "Wakalat al-Jamra"),
      new Outlet("siraj-studio", "Siraj Studio", "استوديو السراج", "Studio Siraj", "Studio Siradsch", "Studyo as-Siraj"),
      new Outlet("night-watch", "Night Watch Bulletin", "نشرة الحارس الليلي", "Bulletin de la Veille",
          "Nachtwache-Bulletin", "Nashrat al-Haris al-Layli"));

  static final List<String> HASHTAGS_EN = List.of("PaleLantern", "LanternLight", "EmberWire", "KeepTheLampLit");
  static final List<String> HASHTAGS_AR = List.of("الفانوس_الشاحب", "نور_الفانوس", "وكالة_الجمرة", "الحارس_الليلي");
  static final List<String> HASHTAGS_FR = List.of("LanternePâle", "LumièreDeLaLanterne", "AgenceBraise");
  static final List<String> HASHTAGS_DE = List.of("BleicheLaterne", "Laternenlicht", "Nachtwache");
  static final List<String> HASHTAGS_TRANSLIT = List.of("alFanusAlShahib", "AlFanoosAlShaheb", "ElFanous", "NurAlFanus");

  static final List<String> SLOGANS_EN =
      List.of("The lantern stays lit.", "Carry the light forward.", "Ours is the long night watch.");
  static final List<String> SLOGANS_AR = List.of("الفانوس لا ينطفئ", "احملوا النور إلى الأمام", "نحن حراس الليل الطويل");
  static final List<String> SLOGANS_FR =
      List.of("La lanterne ne s'éteint pas.", "Portez la lumière plus loin.", "Nous veillons la longue nuit.");
  static final List<String> SLOGANS_DE =
      List.of("Die Laterne erlischt nicht.", "Tragt das Licht weiter.", "Wir halten die lange Nachtwache.");

  private Organisation() {}

  static Outlet outlet(int index) {
    return OUTLETS.get(Math.floorMod(index, OUTLETS.size()));
  }

  static String hashtag(Lang lang, SplittableRandom random) {
    return switch (lang) {
      case EN -> pick(HASHTAGS_EN, random);
      case AR -> random.nextInt(4) == 0 ? pick(HASHTAGS_TRANSLIT, random) : Spelling.vary(pick(HASHTAGS_AR, random), random);
      case FR -> random.nextInt(3) == 0 ? pick(HASHTAGS_EN, random) : pick(HASHTAGS_FR, random);
      case DE -> random.nextInt(3) == 0 ? pick(HASHTAGS_EN, random) : pick(HASHTAGS_DE, random);
    };
  }

  static String slogan(Lang lang, SplittableRandom random) {
    return switch (lang) {
      case EN -> pick(SLOGANS_EN, random);
      case AR -> Spelling.vary(pick(SLOGANS_AR, random), random);
      case FR -> pick(SLOGANS_FR, random);
      case DE -> pick(SLOGANS_DE, random);
    };
  }

  /** The outlet's name as a person of {@code lang} writes it, Arabic with its spelling variants. */
  static String outletName(Outlet outlet, Lang lang, SplittableRandom random) {
    if (lang == Lang.AR) {
      return random.nextInt(4) == 0 ? outlet.transliteration() : Spelling.vary(outlet.ar(), random);
    }
    return outlet.name(lang);
  }

  static String releaseTitle(int number, Lang lang) {
    return switch (lang) {
      case EN -> "Dispatch no. " + number + ": placeholder chronicle";
      case AR -> "الإصدار رقم " + number + ": نص تجريبي";
      case FR -> "Dépêche n° " + number + " : chronique fictive";
      case DE -> "Meldung Nr. " + number + ": Platzhalterchronik";
    };
  }

  static String releaseLead(Lang lang) {
    return switch (lang) {
      case EN -> "New release:";
      case AR -> "إصدار جديد:";
      case FR -> "Nouvelle publication :";
      case DE -> "Neue Veröffentlichung:";
    };
  }

  static final List<String> CHATTER_EN = List.of("Coffee first, then the long walk to work.", "Anyone watching the match tonight?",
      "Rain again. Staying in with a book.", "Finally fixed my bike.", "Lunch was better than expected today.");
  static final List<String> CHATTER_AR = List.of("صباح الخير للجميع", "الجو حار جدا اليوم", "من يشاهد المباراة الليلة؟",
      "قهوة ثم عمل", "كتاب جديد وعطلة قصيرة");
  static final List<String> CHATTER_FR = List.of("Café d'abord, ensuite le travail.", "Qui regarde le match ce soir ?",
      "Encore de la pluie aujourd'hui.", "J'ai enfin réparé mon vélo.");
  static final List<String> CHATTER_DE = List.of("Erst Kaffee, dann Arbeit.", "Wer schaut heute Abend das Spiel?",
      "Schon wieder Regen.", "Endlich das Fahrrad repariert.");

  static String chatter(Lang lang, SplittableRandom random) {
    return switch (lang) {
      case EN -> pick(CHATTER_EN, random);
      case AR -> Spelling.vary(pick(CHATTER_AR, random), random);
      case FR -> pick(CHATTER_FR, random);
      case DE -> pick(CHATTER_DE, random);
    };
  }

  /** What a journalist, researcher or counter-speech account says while naming the same outlet. */
  static String aboutTheOrganisation(Role role, Lang lang, String outletName, SplittableRandom random) {
    return switch (role) {
      case JOURNALIST -> switch (lang) {
        case EN -> "Report: " + outletName + " put out new material today. We are not linking it.";
        case AR -> "تقرير: " + outletName + " نشرت مادة جديدة اليوم، ولن ننشر الرابط.";
        case FR -> "Enquête : " + outletName + " a diffusé un nouveau contenu. Nous ne le relayons pas.";
        case DE -> "Bericht: " + outletName + " hat neues Material veröffentlicht. Wir verlinken es nicht.";
      };
      case RESEARCHER -> switch (lang) {
        case EN -> "New data on how " + outletName + " material spreads across platforms, " + (20 + random.nextInt(80)) + " accounts sampled.";
        case AR -> "بيانات جديدة عن انتشار مواد " + outletName + " عبر المنصات";
        case FR -> "Nouvelles données sur la diffusion des contenus de " + outletName + ".";
        case DE -> "Neue Daten zur Verbreitung von " + outletName + " auf mehreren Plattformen.";
      };
      case COUNTER_SPEECH -> switch (lang) {
        case EN -> "Do not amplify " + outletName + ". Recycled propaganda: report it, don't share it.";
        case AR -> "لا تنشروا مواد " + outletName + ". بلّغوا عنها ولا تشاركوها.";
        case FR -> "Ne relayez pas " + outletName + ". Signalez, ne partagez pas.";
        case DE -> "Verbreitet " + outletName + " nicht weiter. Melden statt teilen.";
      };
      default -> switch (lang) {
        case EN -> "Saw " + outletName + " trending again, what is going on?";
        case AR -> "رأيت " + outletName + " في الترند مرة أخرى، ماذا يحدث؟";
        case FR -> "Encore " + outletName + " dans les tendances, que se passe-t-il ?";
        case DE -> "Schon wieder " + outletName + " in den Trends, was ist da los?";
      };
    };
  }

  static String shoutout(Lang lang) {
    return switch (lang) {
      case EN -> "Follow and support, our brother is back:";
      case AR -> "تابعوا وادعموا، عاد أخونا:";
      case FR -> "Suivez et soutenez, notre frère est de retour :";
      case DE -> "Folgt und unterstützt, unser Bruder ist zurück:";
    };
  }

  static String bio(Role role, Lang lang, SplittableRandom random) {
    return switch (role) {
      case OFFICIAL_OUTLET, DISTRIBUTOR -> slogan(lang, random) + " " + "#" + hashtag(lang, random);
      case HYPERACTIVE_SUPPORTER, SUPPORTER, RECRUITER, BOT -> slogan(lang, random);
      case JOURNALIST -> lang == Lang.AR ? "صحفي، أغطي شؤون الأمن" : "Reporter covering security and extremism. Views my own.";
      case RESEARCHER -> lang == Lang.AR ? "باحث في الشبكات الرقمية" : "Researcher, online networks and radicalisation.";
      case COUNTER_SPEECH -> lang == Lang.AR ? "نواجه الدعاية بالحقائق" : "Countering propaganda with facts. Report, don't share.";
      case ORDINARY_USER, VULNERABLE_USER -> chatter(lang, random);
    };
  }

  /** Stage texts of a grooming conversation, and of an ordinary one that shares its surface words. */
  static String outreach(int stage, boolean grooming, Lang lang, SplittableRandom random) {
    if (!grooming) {
      return switch (stage) {
        case 0 -> pick(List.of("loved your photos, where was that?", "you asked about the trip, happy to help"), random);
        case 1 -> pick(List.of("how are you today? did you read what I sent?", "sending the link to the group chat"), random);
        case 2 -> pick(List.of("join the family group here", "we made a group for the trip"), random);
        default -> pick(List.of("tickets for the journey are booked, see you at the station",
            "the travel plans are in the group, bring your passport"), random);
      };
    }
    String text = switch (stage) {
      case 0 -> pick(List.of("you asked good questions. we have answers for you", "you are not alone, brother. write to me"), random);
      case 1 -> pick(List.of("how are you today? did you read what I sent?", "they do not understand you. we do. keep this between us"), random);
      case 2 -> pick(List.of("join us here, only trusted ones", "delete the old chat, we continue in the private group"), random);
      default -> pick(List.of("when you are ready we talk about the journey. tell no one",
          "the travel is arranged for the ones who are ready. passport and silence"), random);
    };
    return lang == Lang.AR && random.nextBoolean() ? "أخي، " + text : text;
  }

  static <T> T pick(List<T> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }
}
