package org.cordon.range.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Harmless placeholder prose in the four languages: the outlets' long statements, the look-alike
 * long posts of ordinary people, and the reporting text journalists wrap around a quoted line.
 * Statements and look-alikes draw on a shared pool of common phrases (subjects, objects, times
 * and places) besides their own, so that they overlap in vocabulary the way real text does while
 * each statement stays a distinct combination.
 */
final class StatementProse {
  /** Statements stay under this many code points, so that a microblog thread of three posts holds one. */
  static final int MAX_STATEMENT_CHARS = 740;
  static final int MIN_WORDS = 40;
  static final int MAX_WORDS = 150;

  /** The word pools of one language. Verbs agree with the (plural or, in Arabic, verb-first) subjects. */
  private record Pools(List<String> orgSubjects, List<String> commonSubjects, List<String> benignSubjects,
      List<String> orgVerbs, List<String> commonVerbs, List<String> orgObjects, List<String> commonObjects,
      List<String> benignObjects, List<String> times, List<String> states, String stay, String and,
      String comma, List<String> openers, List<String> report) {}

  private static final Pools EN = new Pools(
      List.of("the keepers of the lantern", "the night watchmen", "the riders of the caravan", "the scribes of the outlet",
          "the companions of the ember", "the guardians of the flame", "the lamplighters of the valley"),
      List.of("the people of the old quarter", "the young of the city", "the families of the district", "the elders of the town",
          "the neighbours across the river", "the travellers on the road"),
      List.of("the players of the club", "the librarians", "the bakers on our street", "the children of the choir",
          "the cyclists in the park", "the volunteers at the shelter", "my cousins", "the gardeners"),
      List.of("carry", "guard", "kindle", "keep", "raise"),
      List.of("gather", "wait for", "build", "remember", "share", "describe", "prepare", "repair", "visit", "clean"),
      List.of("the old light", "the message of the night", "the lamps of the square", "the memory of the caravan",
          "the banner of the watch", "the ember of the first winter", "the promise of the lantern"),
      List.of("the long road", "the evening market", "the stones of the bridge", "the bread of the morning",
          "the songs of the harbour", "the letters from home", "the small garden", "the river path"),
      List.of("the new bakery", "the school garden", "the match on Saturday", "the library shelves", "the birthday cake",
          "the bicycle shed"),
      List.of("this season", "before dawn", "through the long night", "near the old harbour", "every evening",
          "until the end of winter", "after the rain", "in Wadi Siraj", "on Qamar Hill", "at Ember Market", "by Lantern Gate"),
      List.of("patient", "ready", "watchful", "together", "quiet", "hopeful", "steady"),
      "stay", "and", ",",
      List.of("Long post, bear with me.", "A few thoughts after this week.", "Something I wanted to share tonight."),
      List.of("Analysts say the output of the outlet has grown this month.", "The text circulated widely on messaging apps within hours.",
          "We have asked the platforms for comment.", "Researchers track the accounts that repost such material.",
          "The authorities have not commented so far.", "Our newsroom reviewed the full text and will not publish it."));

  private static final Pools FR = new Pools(
      List.of("les gardiens de la lanterne", "les veilleurs de nuit", "les cavaliers de la caravane", "les scribes de l'agence",
          "les compagnons de la braise", "les gardiens de la flamme", "les allumeurs de la vallée"),
      List.of("les habitants du vieux quartier", "les jeunes de la ville", "les familles du district", "les anciens du bourg",
          "les voisins de l'autre rive", "les voyageurs de la route"),
      List.of("les joueurs du club", "les bibliothécaires", "les boulangers de notre rue", "les enfants de la chorale",
          "les cyclistes du parc", "les bénévoles du refuge", "mes cousins", "les jardiniers"),
      List.of("portent", "gardent", "allument", "conservent", "lèvent"),
      List.of("rassemblent", "attendent", "construisent", "évoquent", "partagent", "décrivent", "préparent", "réparent",
          "visitent", "nettoient"),
      List.of("la lumière ancienne", "le message de la nuit", "les lampes de la place", "la mémoire de la caravane",
          "la bannière de la veille", "la braise du premier hiver", "la promesse de la lanterne"),
      List.of("la longue route", "le marché du soir", "les pierres du pont", "le pain du matin", "les chants du port",
          "les lettres de la maison", "le petit jardin", "le chemin de la rivière"),
      List.of("la nouvelle boulangerie", "le jardin de l'école", "le match de samedi", "les étagères de la bibliothèque",
          "le gâteau d'anniversaire", "l'abri à vélos"),
      List.of("cette saison", "avant l'aube", "pendant la longue nuit", "près du vieux port", "chaque soir",
          "jusqu'à la fin de l'hiver", "après la pluie", "à Wadi Siraj", "sur la colline de Qamar", "au marché de la Braise"),
      List.of("patients", "prêts", "vigilants", "unis", "calmes", "confiants", "fidèles"),
      "restent", "et", ",",
      List.of("Long message, désolé.", "Quelques pensées après cette semaine.", "Une chose que je voulais partager ce soir."),
      List.of("Selon des analystes, la production de l'agence a augmenté ce mois-ci.",
          "Le texte a circulé sur les messageries en quelques heures.", "Nous avons demandé un commentaire aux plateformes.",
          "Des chercheurs suivent les comptes qui republient ces contenus.", "Les autorités n'ont pas réagi pour l'instant.",
          "Notre rédaction a lu le texte intégral et ne le publiera pas."));

  private static final Pools DE = new Pools(
      List.of("die Hüter der Laterne", "die Nachtwächter", "die Reiter der Karawane", "die Schreiber der Agentur",
          "die Gefährten der Glut", "die Wächter der Flamme", "die Laternenanzünder des Tals"),
      List.of("die Leute der Altstadt", "die Jungen der Stadt", "die Familien des Viertels", "die Ältesten des Dorfes",
          "die Nachbarn am anderen Ufer", "die Reisenden auf der Straße"),
      List.of("die Spieler des Vereins", "die Bibliothekare", "die Bäcker in unserer Straße", "die Kinder im Chor",
          "die Radfahrer im Park", "die Helfer im Tierheim", "meine Cousins", "die Gärtner"),
      List.of("tragen", "hüten", "entzünden", "bewahren", "heben"),
      List.of("sammeln", "erwarten", "bauen", "loben", "teilen", "beschreiben", "reparieren", "besuchen", "putzen", "schmücken"),
      List.of("das alte Licht", "die Botschaft der Nacht", "die Lampen des Platzes", "die Erinnerung an die Karawane",
          "das Banner der Wache", "die Glut des ersten Winters", "das Versprechen der Laterne"),
      List.of("den langen Weg", "den Abendmarkt", "die Steine der Brücke", "das Brot des Morgens", "die Lieder des Hafens",
          "die Briefe von zu Hause", "den kleinen Garten", "den Weg am Fluss"),
      List.of("die neue Bäckerei", "den Schulgarten", "das Spiel am Samstag", "die Regale der Bibliothek",
          "den Geburtstagskuchen", "den Fahrradschuppen"),
      List.of("in dieser Jahreszeit", "vor der Morgendämmerung", "durch die lange Nacht", "am alten Hafen", "jeden Abend",
          "bis zum Ende des Winters", "nach dem Regen", "in Wadi Siraj", "auf dem Qamar-Hügel", "am Glutmarkt"),
      List.of("geduldig", "bereit", "wachsam", "vereint", "ruhig", "zuversichtlich", "treu"),
      "bleiben", "und", "",
      List.of("Langer Beitrag, sorry.", "Ein paar Gedanken nach dieser Woche.", "Etwas, das ich heute Abend teilen wollte."),
      List.of("Analysten zufolge ist der Ausstoß der Agentur in diesem Monat gestiegen.",
          "Der Text verbreitete sich binnen Stunden über Messenger.", "Wir haben die Plattformen um eine Stellungnahme gebeten.",
          "Forscher verfolgen die Konten, die solches Material weiterverbreiten.", "Die Behörden haben sich bisher nicht geäußert.",
          "Unsere Redaktion hat den vollständigen Text gelesen und veröffentlicht ihn nicht."));

  private static final Pools AR = new Pools(
      List.of("حراس الفانوس", "رجال الحراسة الليلية", "فرسان القافلة", "كتّاب المؤسسة", "أصحاب الجمرة", "حماة الشعلة",
          "موقدو المصابيح في الوادي"),
      List.of("أهل الحي القديم", "شباب المدينة", "عائلات الحي", "شيوخ البلدة", "الجيران على الضفة الأخرى", "المسافرون على الطريق"),
      List.of("لاعبو النادي", "أمناء المكتبة", "خبازو شارعنا", "أطفال الجوقة", "راكبو الدراجات في الحديقة", "متطوعو الملجأ",
          "أبناء عمي", "البستانيون"),
      List.of("يحمل", "يحرس", "يوقد", "يحفظ", "يرفع"),
      List.of("يجمع", "ينتظر", "يبني", "يتذكر", "يشارك", "يصف", "يجهز", "يصلح", "يزور", "ينظف"),
      List.of("النور القديم", "رسالة الليل", "مصابيح الساحة", "ذكرى القافلة", "راية الحراسة", "جمرة الشتاء الأول", "وعد الفانوس"),
      List.of("الطريق الطويل", "سوق المساء", "حجارة الجسر", "خبز الصباح", "أغاني الميناء", "رسائل البيت", "الحديقة الصغيرة",
          "درب النهر"),
      List.of("المخبز الجديد", "حديقة المدرسة", "مباراة السبت", "رفوف المكتبة", "كعكة عيد الميلاد", "مظلة الدراجات"),
      List.of("في هذا الموسم", "قبل الفجر", "طوال الليل الطويل", "قرب الميناء القديم", "في كل مساء", "حتى نهاية الشتاء",
          "بعد المطر", "في وادي السراج", "على جبل القمر", "في سوق الجمرة", "عند باب الفانوس"),
      List.of("صابرين", "مستعدين", "يقظين", "متحدين", "هادئين", "واثقين", "أوفياء"),
      "يبقى", "و", "،",
      List.of("منشور طويل، اعذروني.", "بعض الأفكار بعد هذا الأسبوع.", "شيء أردت مشاركته الليلة."),
      List.of("يقول محللون إن إنتاج المؤسسة ازداد هذا الشهر.", "انتشر النص على تطبيقات المراسلة خلال ساعات.",
          "طلبنا تعليقا من المنصات.", "يتابع باحثون الحسابات التي تعيد نشر هذه المواد.", "لم تعلق السلطات حتى الآن.",
          "اطلعنا على النص الكامل ولن ننشره."));

  /** Arabic names in statements and the Latin spellings a re-poster may write instead. */
  static final Map<String, List<String>> ARABIC_NAMES = arabicNames();

  private StatementProse() {}

  private static Map<String, List<String>> arabicNames() {
    Map<String, List<String>> names = new java.util.LinkedHashMap<>();
    names.put(Organisation.NAME_AR, Organisation.NAME_TRANSLITERATIONS);
    for (Organisation.Outlet o : Organisation.OUTLETS) {
      names.put(o.ar(), List.of(o.transliteration()));
    }
    names.put("وادي السراج", List.of("Wadi as-Siraj", "Wadi al-Siraj"));
    names.put("جبل القمر", List.of("Jabal al-Qamar", "Jebel el-Qamar"));
    names.put("سوق الجمرة", List.of("Suq al-Jamra", "Souk el-Jamra"));
    names.put("باب الفانوس", List.of("Bab al-Fanus", "Bab el-Fanous"));
    return java.util.Collections.unmodifiableMap(names);
  }

  private static Pools pools(Lang lang) {
    return switch (lang) {
      case EN -> EN;
      case AR -> AR;
      case FR -> FR;
      case DE -> DE;
    };
  }

  /** A statement as its sentences: a heading naming the organisation and outlet, then 40–150 words. */
  static List<String> statement(int number, Organisation.Outlet outlet, Lang lang, Optional<String> releaseTitle,
      SplittableRandom random) {
    Pools p = pools(lang);
    List<String> sentences = new ArrayList<>();
    sentences.add(switch (lang) {
      case EN -> "Statement no. " + number + " of the " + Organisation.NAME_EN + ", from " + outlet.en() + ".";
      case AR -> "بيان رقم " + number + " من " + Organisation.NAME_AR + "، صادر عن " + outlet.ar() + ".";
      case FR -> "Communiqué n° " + number + " de l'Ordre de la Lanterne Pâle, par " + outlet.fr() + ".";
      case DE -> "Erklärung Nr. " + number + " des Ordens der Bleichen Laterne, von " + outlet.de() + ".";
    });
    releaseTitle.ifPresent(title -> sentences.add(switch (lang) {
      case EN -> "It accompanies " + title + ".";
      case AR -> "يرافق هذا البيان " + title + ".";
      case FR -> "Il accompagne " + title + ".";
      case DE -> "Sie begleitet " + title + ".";
    }));
    int targetWords = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1);
    int chars = String.join(" ", sentences).length();
    int words = words(String.join(" ", sentences));
    int misses = 0;
    while (words < targetWords && misses < 50) {
      String sentence = sentence(lang, p, true, random);
      if (chars + 1 + sentence.length() > MAX_STATEMENT_CHARS) {
        if (words >= MIN_WORDS) {
          break;
        }
        misses++;
        continue;
      }
      sentences.add(sentence);
      chars += 1 + sentence.length();
      words += words(sentence);
    }
    return List.copyOf(sentences);
  }

  /** A benign long post sharing the statements' common vocabulary, at most {@code maxChars} code points. */
  static String lookalike(Lang lang, int maxChars, SplittableRandom random) {
    Pools p = pools(lang);
    StringBuilder text = new StringBuilder(Organisation.pick(p.openers(), random));
    int targetWords = 30 + random.nextInt(80);
    int words = words(text.toString());
    int misses = 0;
    while (words < targetWords && misses < 20) {
      String sentence = sentence(lang, p, false, random);
      if (text.length() + 1 + sentence.length() > maxChars) {
        misses++;
        continue;
      }
      text.append(' ').append(sentence);
      words += words(sentence);
    }
    return text.toString();
  }

  /** A sentence of a journalist's own reporting around a quoted line. */
  static String report(Lang lang, SplittableRandom random) {
    return Organisation.pick(pools(lang).report(), random);
  }

  /** How a report introduces a quoted line of a statement by {@code outletName}. */
  static String quoteLead(Lang lang, String outletName) {
    return switch (lang) {
      case EN -> outletName + " posted a long statement today. One line reads:";
      case AR -> "نشرت " + outletName + " اليوم بيانا طويلا جاء فيه:";
      case FR -> outletName + " a publié aujourd'hui un long communiqué. On y lit :";
      case DE -> outletName + " hat heute eine lange Erklärung veröffentlicht. Darin heißt es:";
    };
  }

  static String quoted(Lang lang, String sentence) {
    return switch (lang) {
      case EN -> "\u201C" + sentence + "\u201D";
      case AR -> "«" + sentence + "»";
      case FR -> "« " + sentence + " »";
      case DE -> "\u201E" + sentence + "\u201C";
    };
  }

  /** A filler word a re-poster inserts. */
  static String filler(Lang lang, SplittableRandom random) {
    return Organisation.pick(switch (lang) {
      case EN -> List.of("truly", "indeed", "again", "all", "now", "really");
      case AR -> List.of("حقا", "دائما", "اليوم", "جميعا", "الآن");
      case FR -> List.of("vraiment", "toujours", "encore", "tous", "maintenant");
      case DE -> List.of("wirklich", "immer", "wieder", "alle", "jetzt");
    }, random);
  }

  private static String sentence(Lang lang, Pools p, boolean statement, SplittableRandom random) {
    List<String> ownSubjects = statement ? p.orgSubjects() : p.benignSubjects();
    List<String> ownObjects = statement ? p.orgObjects() : p.benignObjects();
    String subject = random.nextInt(10) < 6 ? Organisation.pick(ownSubjects, random) : Organisation.pick(p.commonSubjects(), random);
    String object = random.nextInt(10) < 5 ? Organisation.pick(ownObjects, random) : Organisation.pick(p.commonObjects(), random);
    String object2 = random.nextBoolean() ? Organisation.pick(ownObjects, random) : Organisation.pick(p.commonObjects(), random);
    String verb = statement && random.nextInt(10) < 5 ? Organisation.pick(p.orgVerbs(), random) : Organisation.pick(p.commonVerbs(), random);
    String verb2 = Organisation.pick(p.commonVerbs(), random);
    String time = Organisation.pick(p.times(), random);
    String state = Organisation.pick(p.states(), random);
    int form = random.nextInt(4);
    String s = switch (lang) {
      case AR -> switch (form) {
        case 0 -> verb + " " + subject + " " + object + " " + time;
        case 1 -> time + p.comma() + " " + verb + " " + subject + " " + object;
        case 2 -> verb + " " + subject + " " + object + " " + p.and() + verb2 + " " + object2;
        default -> p.stay() + " " + subject + " " + state + " " + time;
      };
      case DE -> switch (form) {
        case 0 -> subject + " " + verb + " " + object + " " + time;
        case 1 -> time + " " + verb + " " + subject + " " + object;
        case 2 -> subject + " " + verb + " " + object + " " + p.and() + " " + verb2 + " " + object2;
        default -> subject + " " + p.stay() + " " + time + " " + state;
      };
      default -> switch (form) {
        case 0 -> subject + " " + verb + " " + object + " " + time;
        case 1 -> time + p.comma() + " " + subject + " " + verb + " " + object;
        case 2 -> subject + " " + verb + " " + object + " " + p.and() + " " + verb2 + " " + object2;
        default -> subject + " " + p.stay() + " " + state + " " + time;
      };
    };
    return capitalise(s) + ".";
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
  }

  static int words(String text) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = !Character.isWhitespace(text.charAt(i));
      if (letter && !inWord) {
        n++;
      }
      inWord = letter;
    }
    return n;
  }
}
