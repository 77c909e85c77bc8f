package org.cordon.range.world;

/**
 * How much image work a world does. Image rendering is slow next to text, so it has a budget.
 *
 * <ul>
 *   <li>{@code FULL}: release images and their variants, outlet logos, and an avatar per person.
 *   <li>{@code THUMBS}: release images (640x480, the size the stated distances were measured at)
 *       and their variants, outlet logos; no avatars (the default).
 *   <li>{@code NONE}: no image file is written; posts and ground truth still describe every media
 *       item, its transforms and its stated distance (for the million-account benchmark).
 * </ul>
 */
public enum MediaMode {
  FULL,
  THUMBS,
  NONE
}
