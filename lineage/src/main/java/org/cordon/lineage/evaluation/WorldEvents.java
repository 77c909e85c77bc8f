package org.cordon.lineage.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.ingest.Connectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A range world's observable events in time order, read the way Cordon reads them: every file of
 * the manifest through its connector (profiles arrive with the posts that carry them), plus the
 * suspensions that removal verification would observe.
 */
final class WorldEvents {
  sealed interface Event permits Seen, Suspension {
    long at();
  }

  /** Something a connector delivered; a profile is observed at the time of the record that carried it. */
  record Seen(long at, Observed item) implements Event {}

  record Suspension(long at, AccountKey account) implements Event {}

  static final JsonMapper JSON = JsonMapper.builder().build();

  private WorldEvents() {}

  static List<Event> read(Path world) throws IOException {
    JsonNode manifest = JSON.readTree(world.resolve("manifest.json").toFile());
    List<Event> events = new ArrayList<>();
    java.util.Map<AccountKey, Account> profilesWithoutTime = new java.util.HashMap<>();
    for (JsonNode file : manifest.get("files")) {
      String path = file.get("path").asString();
      String format = file.get("format").asString();
      Platform platform = new Platform(file.get("platform").asString());
      Connector connector = Connectors.forFormat(format, platform);
      try (InputStream in = Files.newInputStream(world.resolve(path))) {
        connector.read(path, in, new RecordSink() {
          @Override
          public void accept(ParsedRecord record) {
            long at = Long.MIN_VALUE;
            for (Observed item : record.items()) {
              if (item instanceof Post post) {
                at = Math.max(at, post.postedAt().toEpochMilli());
              }
            }
            for (Observed item : record.items()) {
              switch (item) {
                case Post post -> {
                  // A profile read on its own (a cordon-jsonl account line) is observed with its next post.
                  Account untimed = profilesWithoutTime.remove(post.author());
                  if (untimed != null) {
                    events.add(new Seen(post.postedAt().toEpochMilli(), untimed));
                  }
                  events.add(new Seen(post.postedAt().toEpochMilli(), post));
                }
                case Account account -> {
                  if (at != Long.MIN_VALUE) {
                    events.add(new Seen(at, account));
                  } else {
                    profilesWithoutTime.put(account.key(), account);
                  }
                }
                case Interaction.Follow follow -> follow.at().ifPresent(t -> events.add(new Seen(t.toEpochMilli(), follow)));
                case Interaction.Mention mention -> events.add(new Seen(mention.at().toEpochMilli(), mention));
                case Interaction.Reply reply -> events.add(new Seen(reply.at().toEpochMilli(), reply));
                case Interaction.Share share -> events.add(new Seen(share.at().toEpochMilli(), share));
                case org.cordon.core.model.Media media -> { }
              }
            }
          }

          @Override
          public void reject(Rejection rejection) {
            // A range world parses without rejections; a hand-edited one just loses the record.
          }
        });
      }
    }
    try (var lines = Files.lines(world.resolve("truth/accounts.jsonl"))) {
      lines.forEach(line -> {
        JsonNode account = JSON.readTree(line);
        JsonNode suspended = account.get("suspended_at");
        if (suspended != null && !suspended.isNull()) {
          events.add(new Suspension(Instant.parse(suspended.asString()).toEpochMilli(), AccountKey.of(
              new Platform(account.get("platform").asString()), account.get("account_id").asString())));
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    // Stable: at one instant, records keep their reading order.
    events.sort(java.util.Comparator.comparingLong(Event::at));
    return events;
  }
}
