package org.cordon.range.world;

/** The languages of the world, with their share of persons. */
enum Lang {
  EN("en", 0.40),
  AR("ar", 0.30),
  FR("fr", 0.15),
  DE("de", 0.15);

  final String code;
  final double share;

  Lang(String code, double share) {
    this.code = code;
    this.share = share;
  }

  static final Lang[] ALL = values();

  static Lang draw(double u) {
    double acc = 0;
    for (Lang lang : ALL) {
      acc += lang.share;
      if (u < acc) {
        return lang;
      }
    }
    return EN;
  }
}
