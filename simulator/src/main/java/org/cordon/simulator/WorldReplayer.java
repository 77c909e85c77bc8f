package org.cordon.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays a range world's source data into Cordon as if the platforms were publishing it now.
 * Reads {@code DIR/replay/index.jsonl}, one unit a line: {@code {"at": ISO instant, "format":
 * "x-v1", "path": "relative/path", "offset": N, "length": N}}, chronological. {@code path} is
 * relative to {@code DIR/replay/} (or, if no such file, to {@code DIR}) and may not leave
 * {@code DIR}. Each unit's bytes go to {@code POST {cordon}/api/v1/ingest/{format}} as
 * {@code application/octet-stream}.
 *
 * <p>Pacing: the first unit's {@code at} is the replay's start; a unit is due {@code (at - start)
 * / speed} real seconds after the replay began. Units due within the same real-time tick are sent
 * together without sleeping between them; with {@link #mergingContiguous()} the units of one tick
 * that continue each other in the same file and format go in one POST. A 5xx or a connection
 * failure is retried twice; a 4xx (Cordon refused the bytes) is counted and the replay goes on.
 */
public final class WorldReplayer {
  private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final long MAX_UNIT_BYTES = 64L << 20;

  private final Path world;
  private final URI cordonBase;
  private final double speed;
  private final Duration tick;
  private final boolean mergeContiguous;
  /** The Authorization header Cordon's ingest endpoint wants (an INGEST user), if any. */
  private final java.util.Optional<String> authorization;
  private final CordonFeed feed;
  private final JsonMapper json = JsonMapper.builder().build();

  public WorldReplayer(Path world, URI cordonBase, double speed) {
    this(world, cordonBase, speed, Duration.ofMillis(100), false, java.util.Optional.empty());
  }

  private WorldReplayer(Path world, URI cordonBase, double speed, Duration tick, boolean mergeContiguous,
      java.util.Optional<String> authorization) {
    this.world = Objects.requireNonNull(world, "world").toAbsolutePath().normalize();
    String base = Objects.requireNonNull(cordonBase, "cordonBase").toString();
    this.cordonBase = URI.create(base.endsWith("/") ? base : base + "/");
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed (simulated seconds per real second) is positive: " + speed);
    }
    this.speed = speed;
    this.tick = Objects.requireNonNull(tick, "tick");
    if (tick.isNegative() || tick.isZero()) {
      throw new IllegalArgumentException("tick is positive: " + tick);
    }
    this.mergeContiguous = mergeContiguous;
    this.authorization = Objects.requireNonNull(authorization, "authorization");
    this.feed = new CordonFeed(this.cordonBase, authorization);
  }

  public WorldReplayer withTick(Duration realTick) {
    return new WorldReplayer(world, cordonBase, speed, realTick, mergeContiguous, authorization);
  }

  /** Sends contiguous units of one file and format due in the same tick as one POST. */
  public WorldReplayer mergingContiguous() {
    return new WorldReplayer(world, cordonBase, speed, tick, true, authorization);
  }

  /** Signs in to Cordon as {@code user} (HTTP Basic): Cordon's ingest endpoint takes input only from INGEST users. */
  public WorldReplayer withBasicAuth(String user, String password) {
    return new WorldReplayer(world, cordonBase, speed, tick, mergeContiguous, CordonFeed.basicAuthorization(user, password));
  }

  /** One entry of the replay index. */
  public record Unit(Instant at, String format, String path, long offset, long length) {
    public Unit {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * What a replay did.
   *
   * @param units index entries sent
   * @param posts HTTP POSTs made (fewer than units when merging)
   * @param failedPosts POSTs Cordon refused or that failed after retries
   * @param skippedLines index lines that could not be read, with why in {@code problems}
   */
  public record Report(int units, int posts, int failedPosts, long bytes, int skippedLines, List<String> problems) {
    public Report {
      problems = List.copyOf(problems);
    }
  }

  /** The readable units of the index, in time order, and the problems with the rest. */
  record Index(List<Unit> units, List<String> problems) {}

  Index readIndex() throws IOException {
    Path index = world.resolve("replay").resolve("index.jsonl");
    List<Unit> units = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          units.add(parseUnit(line));
        } catch (IllegalArgumentException | DateTimeParseException | JacksonException e) {
          problems.add("index line " + number + ": " + e.getMessage());
        }
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IOException("replay index " + index + " is not UTF-8", e);
    }
    units.sort(Comparator.comparing(Unit::at));
    return new Index(List.copyOf(units), problems);
  }

  private Unit parseUnit(String line) {
    JsonNode node = json.readTree(line);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Instant at = Instant.parse(text(node, "at"));
    String format = text(node, "format");
    if (!FORMAT.matcher(format).matches()) {
      throw new IllegalArgumentException("format is lowercase letters, digits, '.', '_' or '-': " + format);
    }
    String path = text(node, "path");
    long offset = number(node, "offset");
    long length = number(node, "length");
    if (length > MAX_UNIT_BYTES) {
      throw new IllegalArgumentException("unit of " + length + " bytes is over the " + MAX_UNIT_BYTES + " byte limit");
    }
    return new Unit(at, format, path, offset, length);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString()) {
      throw new IllegalArgumentException(field + " is missing or not a string");
    }
    return value.stringValue();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
      throw new IllegalArgumentException(field + " is missing or not a non-negative integer");
    }
    return value.asLong();
  }

  /** Replays the whole index, pacing it in real time; returns when every unit was sent. */
  public Report replay() throws IOException, InterruptedException {
    Index index = readIndex();
    List<String> problems = new ArrayList<>(index.problems());
    List<Unit> units = index.units();
    int posts = 0;
    int failed = 0;
    long bytes = 0;
    if (units.isEmpty()) {
      return new Report(0, 0, 0, 0, index.problems().size(), problems);
    }
    Instant first = units.getFirst().at();
    long startNanos = System.nanoTime();
    int next = 0;
    while (next < units.size()) {
      long elapsedNanos = System.nanoTime() - startNanos;
      Instant horizon = first.plusNanos((long) ((elapsedNanos + tick.toNanos()) * speed));
      int end = next;
      while (end < units.size() && !units.get(end).at().isAfter(horizon)) {
        end++;
      }
      if (end == next) {
        long dueNanos = (long) (Duration.between(first, units.get(next).at()).toNanos() / speed);
        Thread.sleep(Duration.ofNanos(Math.max(1_000_000, dueNanos - elapsedNanos - tick.toNanos() / 2)));
        continue;
      }
      for (Batch batch : batches(units.subList(next, end))) {
        posts++;
        try {
          byte[] body = bytesOf(batch);
          bytes += body.length;
          String problem = post(batch.format(), platformOf(batch.path()), body);
          if (!problem.isEmpty()) {
            failed++;
            problems.add(batch.describe() + ": " + problem);
          }
        } catch (IOException | IllegalArgumentException e) {
          failed++;
          problems.add(batch.describe() + ": " + e.getMessage());
        }
      }
      next = end;
    }
    return new Report(units.size(), posts, failed, bytes, index.problems().size(), problems);
  }

  /** Units sent as one body: one file, one format, contiguous byte ranges. */
  private record Batch(String format, String path, long offset, long length, int units) {
    String describe() {
      return path + " [" + offset + ", +" + length + ") (" + units + " unit" + (units == 1 ? "" : "s") + ")";
    }
  }

  private List<Batch> batches(List<Unit> due) {
    List<Batch> batches = new ArrayList<>();
    for (Unit unit : due) {
      Batch last = batches.isEmpty() ? null : batches.getLast();
      if (mergeContiguous && last != null && last.format().equals(unit.format()) && last.path().equals(unit.path())
          && last.offset() + last.length() == unit.offset() && last.length() + unit.length() <= MAX_UNIT_BYTES) {
        batches.set(batches.size() - 1, new Batch(last.format(), last.path(), last.offset(), last.length() + unit.length(), last.units() + 1));
      } else {
        batches.add(new Batch(unit.format(), unit.path(), unit.offset(), unit.length(), 1));
      }
    }
    return batches;
  }

  private byte[] bytesOf(Batch batch) throws IOException {
    Path file = resolve(batch.path());
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (batch.offset() + batch.length() > channel.size()) {
        throw new IOException("range ends at " + (batch.offset() + batch.length()) + " but the file has " + channel.size() + " bytes");
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) batch.length());
      long position = batch.offset();
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, position);
        if (read < 0) {
          throw new IOException("file ended early");
        }
        position += read;
      }
      return buffer.array();
    }
  }

  /**
   * The platform the world's manifest gives a file, so that formats many services speak
   * (ActivityStreams: the fediverse server and the video site) are keyed under the right one.
   */
  private java.util.Optional<String> platformOf(String relative) {
    if (platforms == null) {
      java.util.Map<Path, String> map = new java.util.HashMap<>();
      Path manifest = world.resolve("manifest.json");
      if (Files.isRegularFile(manifest)) {
        try {
          for (var f : json.readTree(Files.readString(manifest)).path("files")) {
            map.put(world.resolve(f.path("path").asString("")).normalize(), f.path("platform").asString(""));
          }
        } catch (IOException | RuntimeException e) {
          // no usable manifest: Cordon keys the input under the format's default platform
        }
      }
      platforms = map;
    }
    try {
      return java.util.Optional.ofNullable(platforms.get(resolve(relative))).filter(p -> !p.isEmpty());
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private java.util.Map<Path, String> platforms;

  private Path resolve(String relative) {
    Path asGiven = Path.of(relative);
    if (asGiven.isAbsolute()) {
      throw new IllegalArgumentException("path is relative to the world directory: " + relative);
    }
    Path underReplay = world.resolve("replay").resolve(asGiven).normalize();
    Path underWorld = world.resolve(asGiven).normalize();
    Path chosen = Files.exists(underReplay) ? underReplay : underWorld;
    if (!chosen.startsWith(world)) {
      throw new IllegalArgumentException("path leaves the world directory: " + relative);
    }
    return chosen;
  }

  /** Empty when Cordon took the bytes; otherwise why not. */
  private String post(String format, java.util.Optional<String> platform, byte[] body) throws InterruptedException {
    return feed.post(format, platform, body);
  }
}
