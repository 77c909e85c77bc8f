package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.ingest.Rejection;
import org.junit.jupiter.api.Test;

class StreamingVolumeTest {
  private static final int LINES = 100_000;

  /** Counts, keeps nothing: what is read must not pile up anywhere. */
  private static final class CountingSink implements RecordSink {
    long accepted;
    long rejected;
    long items;

    @Override
    public void accept(ParsedRecord record) {
      accepted++;
      items += record.items().size();
    }

    @Override
    public void reject(Rejection rejection) {
      rejected++;
    }
  }

  /** Writes v1.1 tweet lines as they are read, never the whole input at once. */
  private static final class TweetLines extends InputStream {
    private int next;
    private byte[] line = new byte[0];
    private int position;

    @Override
    public int read() {
      if (position == line.length) {
        if (next == LINES) {
          return -1;
        }
        int id = ++next;
        // Every 1000th line is broken, to count rejections along the way.
        String text = id % 1000 == 0
            ? "{\"id_str\":\"" + id + "\",\"text\":"
            : "{\"id_str\":\"" + id + "\",\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"text\":\"lorem release "
                + id + " #LanternDawn\",\"user\":{\"id_str\":\"" + (id % 97) + "\",\"screen_name\":\"u" + (id % 97)
                + "\"},\"entities\":{\"hashtags\":[{\"text\":\"LanternDawn\"}],\"user_mentions\":[],\"urls\":[]},\"lang\":\"en\"}";
        line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
      }
      return line[position++] & 0xff;
    }
  }

  @Test
  void streamsOneHundredThousandTweetLines() throws IOException {
    CountingSink sink = new CountingSink();

    Connectors.forFormat("x-v1").read("generated", new TweetLines(), sink);

    assertThat(sink.accepted).isEqualTo(LINES - LINES / 1000);
    assertThat(sink.rejected).isEqualTo(LINES / 1000);
    assertThat(sink.items).as("an account and a post per tweet").isEqualTo(2L * (LINES - LINES / 1000));
  }
}
