package org.cordon.range.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Planned conversations. A grooming conversation goes recruiter to vulnerable user through four
 * stages: public mentions on the microblog, direct messages (a messenger personal chat) at rising
 * frequency, a private group reached by an invite link, and talk of travel. As many ordinary
 * conversations between ordinary users take the same path with the same surface words.
 */
final class Outreach {
  static final String[] STAGES = {"mention", "direct_message", "private_channel", "travel"};

  static final class Conversation {
    final int index;
    final String id;
    final boolean grooming;
    final int initiator;
    final int target;
    final Lang lang;
    final long[] atMs;
    final byte[] stage;
    final boolean[] fromInitiator;
    final String inviteCode;
    final List<List<String>> postIds = new ArrayList<>();

    Conversation(int index, boolean grooming, int initiator, int target, Lang lang, long[] atMs, byte[] stage,
        boolean[] fromInitiator, String inviteCode) {
      this.index = index;
      this.id = (grooming ? "outreach-" : "conversation-") + index;
      this.grooming = grooming;
      this.initiator = initiator;
      this.target = target;
      this.lang = lang;
      this.atMs = atMs;
      this.stage = stage;
      this.fromInitiator = fromInitiator;
      this.inviteCode = inviteCode;
      for (int i = 0; i < STAGES.length; i++) {
        postIds.add(new ArrayList<>());
      }
    }

    long privateChatId() {
      return 1_800_000_000L + index;
    }

    String inviteUrl() {
      return Site.TELEGRAM.base + "/+" + inviteCode;
    }
  }

  final List<Conversation> conversations = new ArrayList<>();

  static Outreach plan(long seed, Population people) {
    Outreach outreach = new Outreach();
    List<Integer> recruiters = new ArrayList<>();
    List<Integer> vulnerable = new ArrayList<>();
    List<Integer> ordinary = new ArrayList<>();
    for (int p = 0; p < people.personCount; p++) {
      boolean both = people.chainFirst[p * Site.COUNT + Site.X.ordinal()] >= 0
          && people.chainFirst[p * Site.COUNT + Site.TELEGRAM.ordinal()] >= 0;
      if (!both) {
        continue;
      }
      switch (people.personRole(p)) {
        case RECRUITER -> recruiters.add(p);
        case VULNERABLE_USER -> vulnerable.add(p);
        case ORDINARY_USER -> ordinary.add(p);
        default -> { }
      }
    }
    SplittableRandom random = Seeds.random(seed, 50, 0);
    int nextTarget = 0;
    for (int recruiter : recruiters) {
      int count = 1 + random.nextInt(2);
      for (int k = 0; k < count && nextTarget < vulnerable.size(); k++) {
        int target = vulnerable.get(nextTarget++);
        outreach.add(seed, people, true, recruiter, target);
      }
    }
    int groomingCount = outreach.conversations.size();
    for (int k = 0; k < groomingCount && 2 * k + 1 < ordinary.size(); k++) {
      outreach.add(seed, people, false, ordinary.get(2 * k), ordinary.get(2 * k + 1));
    }
    return outreach;
  }

  private void add(long seed, Population people, boolean grooming, int initiator, int target) {
    int index = conversations.size();
    SplittableRandom random = Seeds.random(seed, 51, index);
    long span = people.endMs - people.startMs;
    long begin = people.startMs + (long) (random.nextDouble() * span * 0.3);
    long length = (long) ((0.4 + random.nextDouble() * 0.3) * span);
    int[] perStage = {2 + random.nextInt(3), 4 + random.nextInt(5), 4 + random.nextInt(4), 2 + random.nextInt(4)};
    double[] stageStart = {0, 0.25, 0.6, 0.85, 1.0};
    int total = perStage[0] + perStage[1] + perStage[2] + perStage[3];
    long[] at = new long[total];
    byte[] stage = new byte[total];
    boolean[] fromInitiator = new boolean[total];
    int i = 0;
    for (int s = 0; s < 4; s++) {
      long from = begin + (long) (stageStart[s] * length);
      long to = begin + (long) (stageStart[s + 1] * length);
      for (int m = 0; m < perStage[s]; m++) {
        // Rising frequency: messages crowd towards the end of each stage.
        double position = Math.sqrt((m + random.nextDouble()) / perStage[s]);
        at[i] = from + (long) (position * (to - from));
        stage[i] = (byte) s;
        fromInitiator[i] = m == 0 || random.nextInt(10) < 6;
        i++;
      }
    }
    java.util.Arrays.sort(at);
    String invite = Long.toString(Seeds.mix(seed, 5_000 + index) >>> 8, 36);
    Lang lang = Lang.ALL[people.personLang[initiator]];
    conversations.add(new Conversation(index, grooming, initiator, target, lang, at, stage, fromInitiator, invite));
  }

  void write(Path dir, Population people) {
    try (LineFile file = new LineFile(dir, "truth/outreach.jsonl")) {
      for (Conversation c : conversations) {
        file.append(Json.bytes(g -> {
          g.writeStartObject();
          g.writeStringProperty("conversation_id", c.id);
          g.writeBooleanProperty("grooming", c.grooming);
          g.writeStringProperty("label", c.grooming ? "outreach" : "benign");
          g.writeStringProperty("initiator_person_id", TruthWriter.personId(c.initiator));
          g.writeStringProperty("initiator_role", people.personRole(c.initiator).wireName);
          g.writeStringProperty("target_person_id", TruthWriter.personId(c.target));
          g.writeStringProperty("target_role", people.personRole(c.target).wireName);
          g.writeStringProperty("language", c.lang.code);
          g.writeStringProperty("invite_url", c.inviteUrl());
          g.writeName("stages");
          g.writeStartArray();
          for (int s = 0; s < STAGES.length; s++) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (int m = 0; m < c.atMs.length; m++) {
              if (c.stage[m] == s) {
                first = Math.min(first, c.atMs[m]);
                last = Math.max(last, c.atMs[m]);
              }
            }
            g.writeStartObject();
            g.writeStringProperty("stage", STAGES[s]);
            g.writeStringProperty("platform", s == 0 ? "x" : "telegram");
            g.writeStringProperty("started_at", Json.iso(first));
            g.writeStringProperty("ended_at", Json.iso(last));
            g.writeName("post_ids");
            g.writeStartArray();
            for (String id : c.postIds.get(s)) {
              g.writeString(id);
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }));
      }
    }
  }
}
