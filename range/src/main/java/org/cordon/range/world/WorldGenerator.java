package org.cordon.range.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a world into a directory: the platforms' files in their real formats, media, the
 * replay index, the manifest and the ground truth. Memory is bounded by the population arrays and
 * one day of posts; output is a function of the spec alone.
 */
public final class WorldGenerator {
  private WorldGenerator() {}

  public static WorldSummary generate(WorldSpec spec, Path dir) {
    try {
      Files.createDirectories(dir);
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          // Leftovers of another world would mix into this one and break byte-identical output.
          throw new IllegalArgumentException("the world directory " + dir + " is not empty; choose a new or empty directory");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the world directory " + dir, e);
    }
    long startMs = spec.start().toEpochMilli();
    Population people = Population.plan(spec.seed(), spec.accounts(), startMs, spec.days());
    TruthWriter.population(dir, people);
    FollowGraph.Units followUnits = new FollowGraph.Units();
    long follows = FollowGraph.write(dir, people, followUnits);
    List<Release> releases = planReleases(spec, people);
    List<Statement> statements = planStatements(spec, people, releases);
    Outreach outreach = Outreach.plan(spec.seed(), people);
    MediaStudio studio = new MediaStudio(spec.seed(), dir, spec.media(), spec.maxVariants());
    studio.writeOutletLogos();
    writeAvatars(people, studio, dir);
    List<Manifest.Entry> files = new ArrayList<>();
    for (Site site : FollowGraph.FOLLOW_SITES) {
      files.add(new Manifest.Entry(FollowGraph.path(site), "cordon-jsonl", site.platform));
    }
    long posts;
    List<java.util.Optional<Post>> originals;
    try (ReplayIndex replay = new ReplayIndex(dir);
        TruthWriter truth = new TruthWriter(dir, people);
        XWriter x = new XWriter(dir, people, replay, files)) {
      Simulator simulator = new Simulator(spec.seed(), spec.days(), people, releases, statements, outreach, studio, x,
          new TelegramWriter(dir, people, replay, files), new MastodonWriter(dir, people, replay, files),
          new VideoWriter(dir, people, replay, files), truth, replay);
      replay.follows(followUnits);
      simulator.run();
      posts = simulator.postCount;
      originals = simulator.statementOriginals();
    }
    writeStatements(dir, statements, originals);
    writeReleases(dir, releases, studio);
    outreach.write(dir, people);
    files.sort(Comparator.comparing(Manifest.Entry::path));
    Manifest.write(dir, spec.seed(), spec.accounts(), spec.days(), startMs, files);
    return new WorldSummary(people.personCount, people.accountCount, posts, releases.size(),
        outreach.conversations.size(), follows);
  }

  private static List<Release> planReleases(WorldSpec spec, Population people) {
    SplittableRandom random = Seeds.random(spec.seed(), 60, 0);
    List<long[]> plan = new ArrayList<>();
    long startMs = spec.start().toEpochMilli();
    int perDay = 2 + spec.accounts() / 250_000;
    for (int day = 0; day < spec.days(); day++) {
      int count = perDay + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        // Outlets publish in the working day, so the first hours of spreading fall on the same day.
        long at = startMs + day * Simulator.DAY_MS + 6 * 3_600_000L + (long) (random.nextDouble() * 12 * 3_600_000L);
        plan.add(new long[] {at, random.nextLong()});
      }
    }
    plan.sort(Comparator.comparingLong(p -> p[0]));
    List<Release> releases = new ArrayList<>();
    for (long[] p : plan) {
      SplittableRandom r = new SplittableRandom(p[1]);
      int number = releases.size() + 1;
      int outlet = r.nextInt(Organisation.OUTLETS.size());
      int roll = r.nextInt(100);
      Truth.Tier tier = roll < 5 ? Truth.Tier.THREAT_TO_LIFE : roll < 20 ? Truth.Tier.GRAPHIC_VIOLENCE
          : roll < 75 ? Truth.Tier.OFFICIAL_PROPAGANDA : Truth.Tier.PROMOTIONAL;
      releases.add(new Release(String.format(java.util.Locale.ROOT, "rel-%06d", number), number, outlet,
          Lang.draw(r.nextDouble()), tier, p[0], 1 + r.nextInt(3), r.nextInt(100) < 35,
          Long.toString(Seeds.mix(spec.seed(), 9_000 + number) >>> 12, 36)));
    }
    return releases;
  }

  /**
   * Two or three statements a day (more in very large worlds), published in the working day by an
   * outlet in one of the four languages. A statement appears first on the outlet's messenger
   * channel, so its time moves on while that channel is suspended and not yet back.
   */
  private static List<Statement> planStatements(WorldSpec spec, Population people, List<Release> releases) {
    SplittableRandom random = Seeds.random(spec.seed(), 70, 0);
    long startMs = spec.start().toEpochMilli();
    long endMs = startMs + spec.days() * Simulator.DAY_MS;
    List<long[]> plan = new ArrayList<>();
    int perDay = 2 + spec.accounts() / 500_000;
    for (int day = 0; day < spec.days(); day++) {
      int count = perDay + random.nextInt(2);
      for (int i = 0; i < count; i++) {
        long at = startMs + day * Simulator.DAY_MS + 7 * 3_600_000L + (long) (random.nextDouble() * 12 * 3_600_000L);
        plan.add(new long[] {at, random.nextLong()});
      }
    }
    plan.sort(Comparator.comparingLong(p -> p[0]));
    List<Statement> statements = new ArrayList<>();
    for (long[] p : plan) {
      SplittableRandom r = new SplittableRandom(p[1]);
      int number = statements.size() + 1;
      int outlet = r.nextInt(Organisation.OUTLETS.size());
      Lang lang = Lang.draw(r.nextDouble());
      long at = p[0];
      // A third accompany a release of the same day: same outlet and language, minutes after it.
      java.util.Optional<Release> release = java.util.Optional.empty();
      if (r.nextInt(3) == 0) {
        long day = Math.floorDiv(at - startMs, Simulator.DAY_MS);
        List<Release> sameDay = releases.stream()
            .filter(x -> Math.floorDiv(x.publishAtMs() - startMs, Simulator.DAY_MS) == day).toList();
        if (!sameDay.isEmpty()) {
          Release chosen = sameDay.get(r.nextInt(sameDay.size()));
          release = java.util.Optional.of(chosen);
          outlet = chosen.outlet();
          lang = chosen.lang();
          at = chosen.publishAtMs() + 300_000 + r.nextInt(1_500_000);
        }
      }
      while (people.accountAt(outlet, Site.TELEGRAM, at) < 0 && at + 600_000 < endMs) {
        at += 600_000;
      }
      statements.add(new Statement(String.format(java.util.Locale.ROOT, "stmt-%06d", number), number, outlet, lang, at,
          StatementProse.statement(number, Organisation.outlet(outlet), lang, release.map(Release::title), r),
          release.map(Release::id)));
    }
    statements.sort(Comparator.comparingLong(Statement::publishAtMs));
    return List.copyOf(statements);
  }

  private static void writeStatements(Path dir, List<Statement> statements, List<java.util.Optional<Post>> originals) {
    try (LineFile file = new LineFile(dir, "truth/statements.jsonl")) {
      for (int s = 0; s < statements.size(); s++) {
        Statement statement = statements.get(s);
        java.util.Optional<Post> original = originals.get(s);
        file.append(Json.bytes(g -> {
          g.writeStartObject();
          g.writeStringProperty("statement_id", statement.id());
          g.writeStringProperty("outlet", Organisation.outlet(statement.outlet()).en());
          g.writeStringProperty("outlet_person_id", TruthWriter.personId(statement.outlet()));
          g.writeStringProperty("language", statement.lang().code);
          g.writeStringProperty("text", statement.text());
          g.writeNumberProperty("words", StatementProse.words(statement.text()));
          g.writeStringProperty("published_at", Json.iso(original.map(Post::atMs).orElse(statement.publishAtMs())));
          Json.optionalString(g, "release_id", statement.releaseId());
          Json.optionalString(g, "platform", original.map(o -> o.site().platform));
          Json.optionalString(g, "post_id", original.map(Post::postId));
          g.writeEndObject();
        }));
      }
    }
  }

  private static void writeAvatars(Population people, MediaStudio studio, Path dir) {
    if (!studio.writesAvatars()) {
      return;
    }
    for (int a = 0; a < people.accountCount; a++) {
      String path = people.avatarPath(a);
      if (!Files.exists(dir.resolve(path))) {
        studio.writeAvatar(people.accountPerson[a], people.avatarId(a).contains("-edit"), path);
      }
    }
  }

  private static void writeReleases(Path dir, List<Release> releases, MediaStudio studio) {
    try (LineFile file = new LineFile(dir, "truth/releases.jsonl")) {
      for (Release release : releases) {
        file.append(Json.bytes(g -> {
          g.writeStartObject();
          g.writeStringProperty("release_id", release.id());
          g.writeStringProperty("outlet", Organisation.outlet(release.outlet()).en());
          g.writeStringProperty("outlet_person_id", TruthWriter.personId(release.outlet()));
          g.writeStringProperty("language", release.lang().code);
          g.writeStringProperty("title", release.title());
          g.writeStringProperty("tier", release.tier().wireName);
          g.writeStringProperty("published_at", Json.iso(release.publishAtMs()));
          g.writeBooleanProperty("video", release.hasVideo());
          g.writeStringProperty("paste_url", release.pasteUrl());
          g.writeStringProperty("file_url", release.fileUrl());
          g.writeName("canonical_media");
          g.writeStartArray();
          for (int i = 0; i < release.imageCount(); i++) {
            g.writeStartObject();
            g.writeStringProperty("media_id", release.canonicalMediaId(i));
            g.writeStringProperty("path", release.canonicalPath(i));
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeName("variants");
          g.writeStartArray();
          for (MediaRef variant : studio.usedVariants(release)) {
            TruthWriter.media(g, variant);
          }
          g.writeEndArray();
          g.writeEndObject();
        }));
      }
    }
  }
}
