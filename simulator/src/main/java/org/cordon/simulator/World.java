package org.cordon.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the simulator knows of a range world: the URL of every post and account, and which posts
 * belong to which account (so that suspending an account takes its posts down). Read from
 * {@code truth/accounts.jsonl} and {@code truth/posts.jsonl}; extra fields are ignored and a bad
 * line is skipped and counted.
 */
final class World {
  static final World EMPTY = new World(false, Set.of(), Map.of(), 0);

  private final boolean loaded;
  private final Set<String> urls;
  private final Map<AccountRef, List<String>> urlsByAccount;
  private final long skippedLines;

  private World(boolean loaded, Set<String> urls, Map<AccountRef, List<String>> urlsByAccount, long skippedLines) {
    this.loaded = loaded;
    this.urls = urls;
    this.urlsByAccount = urlsByAccount;
    this.skippedLines = skippedLines;
  }

  record AccountRef(String platform, String accountId) {}

  static World load(Path directory, JsonMapper json) {
    Path truth = directory.resolve("truth");
    Set<String> urls = new java.util.HashSet<>();
    Map<AccountRef, List<String>> byAccount = new HashMap<>();
    long[] skipped = {0};
    readLines(truth.resolve("accounts.jsonl"), json, skipped, node -> {
      Optional<AccountRef> account = accountOf(node);
      if (account.isEmpty()) {
        skipped[0]++;
        return;
      }
      byAccount.computeIfAbsent(account.get(), a -> new ArrayList<>());
      text(node, "url").ifPresent(url -> {
        urls.add(url);
        byAccount.get(account.get()).add(url);
      });
    });
    readLines(truth.resolve("posts.jsonl"), json, skipped, node -> {
      Optional<AccountRef> account = accountOf(node);
      Optional<String> url = text(node, "url");
      if (account.isEmpty() || url.isEmpty()) {
        skipped[0]++;
        return;
      }
      urls.add(url.get());
      byAccount.computeIfAbsent(account.get(), a -> new ArrayList<>()).add(url.get());
    });
    Map<AccountRef, List<String>> frozen = new HashMap<>();
    byAccount.forEach((account, list) -> frozen.put(account, List.copyOf(list)));
    return new World(true, Set.copyOf(urls), Map.copyOf(frozen), skipped[0]);
  }

  private static Optional<AccountRef> accountOf(JsonNode node) {
    Optional<String> platform = text(node, "platform");
    Optional<String> account = text(node, "account_id");
    if (platform.isEmpty() || account.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AccountRef(platform.get(), account.get()));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainer()) {
      return Optional.empty();
    }
    // Ids are sometimes written as numbers; read both.
    String text = value.asString();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  private static void readLines(Path file, JsonMapper json, long[] skipped, Consumer<JsonNode> each) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (JacksonException e) {
          skipped[0]++;
          continue;
        }
        if (node == null || !node.isObject()) {
          skipped[0]++;
          continue;
        }
        each.accept(node);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read world file " + file + ": " + e.getMessage(), e);
    }
  }

  boolean loaded() {
    return loaded;
  }

  boolean knows(String url) {
    return urls.contains(url);
  }

  /** The account's own URL and the URLs of its posts. */
  List<String> urlsOf(String platform, String accountId) {
    return urlsByAccount.getOrDefault(new AccountRef(platform, accountId), List.of());
  }

  long skippedLines() {
    return skippedLines;
  }

  int size() {
    return urls.size();
  }
}
