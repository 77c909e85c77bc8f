package org.cordon.range.world;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.cordon.range.media.Jpeg;
import org.cordon.range.media.ReleaseImages;
import org.cordon.range.media.Transform;
import org.cordon.range.media.Transforms;
import org.cordon.range.media.VariantPolicy;

/**
 * Renders release images and their repost variants with {@code range-media}, once each, and says
 * what a variant promises. The transform chain of a variant depends only on (seed, release, image,
 * variant), so it is the same whether or not its file is written.
 */
final class MediaStudio {
  static final float FILE_QUALITY = 0.95f;

  private final long seed;
  private final Path dir;
  private final MediaMode mode;
  private final int maxVariants;
  private final int width;
  private final int height;
  private final BufferedImage[] logos;
  private final BitSet written = new BitSet();
  /** Recently rendered canonical images: variants of a release come in bursts after it appears. */
  private final java.util.LinkedHashMap<Long, BufferedImage> canonicalCache = new java.util.LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<Long, BufferedImage> eldest) {
      return size() > 24;
    }
  };
  /** Variants used so far, by media id, for releases.jsonl. */
  private final TreeMap<String, MediaRef> used = new TreeMap<>();

  MediaStudio(long seed, Path dir, MediaMode mode, int maxVariants) {
    this.seed = seed;
    this.dir = dir;
    this.mode = mode;
    this.maxVariants = Math.max(1, maxVariants);
    // VariantPolicy's distances were measured on 640x480 images; smaller images break its promises.
    this.width = 640;
    this.height = 480;
    this.logos = new BufferedImage[Organisation.OUTLETS.size()];
    for (int i = 0; i < logos.length; i++) {
      logos[i] = ReleaseImages.logo(Seeds.mix(seed, 700 + i), Organisation.outlet(i).en());
    }
  }

  int maxVariants() {
    return maxVariants;
  }

  void writeOutletLogos() {
    if (mode == MediaMode.NONE) {
      return;
    }
    for (int i = 0; i < logos.length; i++) {
      write("media/outlets/" + Organisation.outlet(i).slug() + "/logo.jpg", Jpeg.encode(logos[i], FILE_QUALITY));
    }
  }

  MediaRef canonical(Release release, int image, boolean thumbnail) {
    String path = release.canonicalPath(image);
    if (mode != MediaMode.NONE && markWritten(release, image, maxVariants)) {
      write(path, Jpeg.encode(canonicalImage(release, image), FILE_QUALITY));
    }
    return new MediaRef(release.canonicalMediaId(image), path, release.canonicalMediaId(image), List.of(), 0, true,
        width, height, thumbnail);
  }

  MediaRef variant(Release release, int image, int variant) {
    MediaRef known = used.get(release.variantMediaId(image, variant));
    if (known != null) {
      return known;
    }
    List<Transform> chain = chain(release, image, variant);
    String path = release.variantPath(image, variant);
    int w = width;
    int h = height;
    if (mode != MediaMode.NONE && markWritten(release, image, variant)) {
      BufferedImage out = Transforms.applyAll(chain, canonicalImage(release, image));
      w = out.getWidth();
      h = out.getHeight();
      write(path, Jpeg.encode(out, FILE_QUALITY));
    }
    List<String> names = new ArrayList<>(chain.size());
    for (Transform step : chain) {
      names.add(step.name());
    }
    MediaRef ref = new MediaRef(release.variantMediaId(image, variant), path, release.canonicalMediaId(image), names,
        VariantPolicy.statedMaxDistance(chain), VariantPolicy.expectedToMatch(chain), w, h, false);
    used.put(ref.mediaId(), ref);
    return ref;
  }

  List<MediaRef> usedVariants(Release release) {
    return List.copyOf(used.subMap(release.id() + "-", release.id() + "-\uffff").values());
  }

  /** A person's avatar; an edited one (returning accounts) is lightly cropped and recoloured. */
  void writeAvatar(int person, boolean edited, String path) {
    if (mode != MediaMode.FULL) {
      return;
    }
    BufferedImage avatar = ReleaseImages.avatar(Seeds.mix(seed, 900_000_000L + person));
    if (edited) {
      avatar = Transforms.applyAll(List.of(new Transform.Crop(0.92, 0.5, 0.5),
          new Transform.ColourShift(0.03f, 1.1f, 1.05f)), avatar);
    }
    write(path, Jpeg.encode(avatar, 0.9f));
  }

  boolean writesAvatars() {
    return mode == MediaMode.FULL;
  }

  private List<Transform> chain(Release release, int image, int variant) {
    SplittableRandom random = Seeds.random(seed, 40, release.number(), image * 1000L + variant);
    return Transforms.randomChain(random, logos[release.outlet()]);
  }

  private BufferedImage canonicalImage(Release release, int image) {
    long key = release.number() * 16L + image;
    BufferedImage cached = canonicalCache.get(key);
    if (cached != null) {
      return cached;
    }
    BufferedImage rendered = renderCanonical(release, image);
    canonicalCache.put(key, rendered);
    return rendered;
  }

  private BufferedImage renderCanonical(Release release, int image) {
    return ReleaseImages.canonical(Seeds.mix(seed, release.number() * 16L + image), width, height,
        Organisation.outlet(release.outlet()).en());
  }

  /** Each (release, image) has maxVariants + 1 slots: the variants, then the canonical image. */
  private boolean markWritten(Release release, int image, int slot) {
    int index = ((release.number() * 4) + image) * (maxVariants + 1) + slot;
    if (written.get(index)) {
      return false;
    }
    written.set(index);
    return true;
  }

  private void write(String relative, byte[] bytes) {
    try {
      Path target = dir.resolve(relative);
      Files.createDirectories(target.getParent());
      Files.write(target, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write media " + relative + "; check free space and permissions", e);
    }
  }
}
