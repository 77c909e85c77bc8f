package org.cordon.range.world;

/**
 * One piece of official propaganda: published first by its outlet, then spread. Its canonical
 * images live under media/releases/ID/; {@code hasVideo} releases also go to the video site, the
 * images serving as the video's thumbnail frames.
 */
record Release(String id, int number, int outlet, Lang lang, Truth.Tier tier, long publishAtMs, int imageCount,
    boolean hasVideo, String pasteId) {

  String title() {
    return Organisation.releaseTitle(number, lang);
  }

  String canonicalMediaId(int image) {
    return id + "-img" + image;
  }

  String canonicalPath(int image) {
    return "media/releases/" + id + "/img" + image + ".jpg";
  }

  String variantMediaId(int image, int variant) {
    return id + "-img" + image + "-v" + variant;
  }

  String variantPath(int image, int variant) {
    return "media/variants/" + id + "/img" + image + "-v" + variant + ".jpg";
  }

  String pasteUrl() {
    return "https://paste.range.invalid/" + pasteId;
  }

  String fileUrl() {
    return "https://files.range.invalid/d/" + pasteId + "/" + id + ".zip";
  }
}
