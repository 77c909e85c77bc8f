package org.cordon.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.cordon.app.pipeline.JudgedPosts.Outcome;
import org.cordon.app.pipeline.JudgedPosts.Recorded;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.PostReference;
import org.junit.jupiter.api.Test;

class JudgedPostsTest {
  private static final Instant AT = Instant.parse("2014-09-02T00:22:37Z");

  private static Post retweet(Platform platform, Instant postedAt, List<PostReference> references) {
    return new Post(PostKey.of(platform, "506598031114633216"), AccountKey.of(platform, "3100136531"), postedAt,
        "RT @lorem_ipsum: lorem ipsum dolor #Lantern", Optional.of("en"), Optional.empty(), List.of(), List.of("Lantern"),
        List.of("lorem_ipsum"), List.of(), references);
  }

  /** As X's v1 gives it: whole seconds, and the original it retweets. */
  private static final Post AS_V1 = retweet(Platform.X, AT,
      List.of(new PostReference(PostReference.Kind.REPOST_OF, PostKey.of(Platform.X, "506351318655303680"))));
  /** As v2 gives it when another response carries it: milliseconds, and no reference. */
  private static final Post AS_CARRIED_V2 = retweet(Platform.X, AT.plusMillis(411), List.of());

  @Test
  void aPostNeverJudgedMustBeJudged() {
    assertThat(new JudgedPosts().judgedAsRendered(AS_V1)).isEmpty();
  }

  @Test
  void theFirstJudgementIsThePostsFirstAndTheSameRenderingLaterIsNotJudgedAgain() {
    JudgedPosts judged = new JudgedPosts();
    assertThat(judged.record(AS_V1, true)).isEqualTo(new Recorded(Outcome.FIRST, true));

    assertThat(judged.judgedAsRendered(AS_V1)).contains(true);
  }

  @Test
  void onlyTheTimeDifferingIsTheSameRendering() {
    JudgedPosts judged = new JudgedPosts();
    judged.record(AS_CARRIED_V2, false);

    assertThat(judged.judgedAsRendered(retweet(Platform.X, AT, List.of()))).as("v1's whole seconds").contains(false);
  }

  @Test
  void aRenderingThatShowsMoreIsJudgedAgainAndFlagsThePostWithoutCountingItTwice() {
    JudgedPosts judged = new JudgedPosts();
    judged.record(AS_CARRIED_V2, false);

    assertThat(judged.judgedAsRendered(AS_V1)).as("v1 shows the original it retweets").isEmpty();
    assertThat(judged.record(AS_V1, true)).isEqualTo(new Recorded(Outcome.ANOTHER_RENDERING, true));
    assertThat(judged.judgedAsRendered(AS_V1)).contains(true);
  }

  @Test
  void aPostFlaggedInOneRenderingStaysFlaggedWhenAnotherIsNot() {
    JudgedPosts judged = new JudgedPosts();
    judged.record(AS_V1, true);

    assertThat(judged.record(AS_CARRIED_V2, false)).isEqualTo(new Recorded(Outcome.ANOTHER_RENDERING, true));
    assertThat(judged.judgedAsRendered(AS_CARRIED_V2)).contains(true);
  }

  @Test
  void theSameIdOnAnotherPlatformIsAnotherPost() {
    JudgedPosts judged = new JudgedPosts();
    judged.record(AS_V1, true);

    Post elsewhere = retweet(new Platform("mastodon"), AT, List.of());
    assertThat(judged.judgedAsRendered(elsewhere)).isEmpty();
    assertThat(judged.record(elsewhere, false)).isEqualTo(new Recorded(Outcome.FIRST, false));
  }

  @Test
  void pastItsLimitItForgetsAndAForgottenPostIsJudgedAgainNotSkipped() {
    JudgedPosts judged = new JudgedPosts(2);
    judged.record(AS_V1, true);
    judged.record(retweet(new Platform("mastodon"), AT, List.of()), true);
    assertThat(judged.size()).isEqualTo(2);

    assertThat(judged.record(retweet(new Platform("telegram"), AT, List.of()), false).outcome()).isEqualTo(Outcome.FIRST);
    assertThat(judged.size()).as("started again with the post that passed the limit").isEqualTo(1);
    assertThat(judged.judgedAsRendered(AS_V1)).as("forgotten: the caller judges it again").isEmpty();
  }

  @Test
  void ofManyThreadsRecordingOneRenderingAtOnceExactlyOneKeepsItsJudgement() throws InterruptedException {
    for (int round = 0; round < 50; round++) {
      JudgedPosts judged = new JudgedPosts();
      int threads = 8;
      CountDownLatch start = new CountDownLatch(1);
      List<Recorded> results = Collections.synchronizedList(new ArrayList<>());
      List<Thread> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        boolean verdict = t % 2 == 0;
        running.add(Thread.ofPlatform().start(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          results.add(judged.record(AS_V1, verdict));
        }));
      }
      start.countDown();
      for (Thread t : running) {
        t.join();
      }
      assertThat(results).filteredOn(r -> r.outcome() == Outcome.FIRST).hasSize(1);
      assertThat(results).filteredOn(r -> r.outcome() == Outcome.REPEAT).hasSize(threads - 1);
      boolean winner = judged.judgedAsRendered(AS_V1).orElseThrow();
      assertThat(results).as("every thread is told the verdict that stands").allSatisfy(r -> assertThat(r.flagged()).isEqualTo(winner));
    }
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> new JudgedPosts(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
  }
}
