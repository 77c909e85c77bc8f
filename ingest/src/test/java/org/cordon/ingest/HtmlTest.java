package org.cordon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void recurringContentGivesWhatParsingItAfreshGives() {
    String note = "<p>Reader of <a href=\"https://news.example/a\">news</a> &amp; maps</p><p>\u202eline<br>two</p>";
    String fields = "<a href=\"https://blog.example/\" rel=\"me\">blog</a> <a href=\"https://m.example/tags/x\" class=\"hashtag\">#x</a>";
    assertThat(Html.recurringText(note)).isEqualTo(Html.text(note)).contains("news & maps");
    assertThat(Html.recurringText(new String(note))).isEqualTo(Html.text(note));
    assertThat(Html.recurringLinks(fields)).isEqualTo(Html.links(fields)).containsExactly("https://blog.example/");
    assertThat(Html.recurringLinks(new String(fields))).isEqualTo(List.of("https://blog.example/"));
  }

  @Test
  void aFullMemoryStartsAgainAndStillAnswersRight() {
    for (int i = 0; i <= Html.REMEMBERED; i++) {
      assertThat(Html.recurringText("<b>" + i + "</b>")).isEqualTo(Integer.toString(i));
    }
    assertThat(Html.recurringText("<i>again</i>")).isEqualTo("again");
    assertThat(Html.recurringLinks("no links here")).isEmpty();
  }
}
