#pragma once
// The HTML of an image as every page writes it. Markdown figures, covers,
// cards and galleries all call image_tag(), so that every image on the site
// gets its web versions, its size and lazy loading the same way.
#include <string>
#include <string_view>

#include "model/content.h"

namespace zhuanlan {

// The `sizes` hint: how wide the image is shown, so that the browser picks
// the smallest sufficient version. Keep in step with assets/style.css.
// In the text column (articles, pages: at most 45rem wide).
inline constexpr std::string_view kColumnImageSizes = "(min-width: 52rem) 45rem, 100vw";
// In a grid of cards or a gallery (two or three columns on wide screens).
inline constexpr std::string_view kGridImageSizes = "(min-width: 37rem) 23rem, 100vw";
// A person's portrait beside their story (at most 18rem wide).
inline constexpr std::string_view kPortraitImageSizes = "(min-width: 20rem) 18rem, 100vw";

// A <picture> with the WebP versions and an <img> with the JPEG (or PNG)
// versions, width and height (so the page does not jump while it loads) and
// the alt text (the image's alt, or its caption). lazy: load only when
// scrolled near; the first image of a page should not be lazy. When the
// site publishes originals, the picture links to the full-size copy.
std::string image_tag(const ImageRef& image, const std::string& root_prefix, bool lazy,
                      std::string_view sizes = kColumnImageSizes);

// The same picture as decoration on a card whose own text says what it
// shows: empty alt, lazy, grid sizes, and never a link to the original
// (the card is already a link, and links cannot nest).
std::string card_image_tag(const ImageRef& image, const std::string& root_prefix);

}  // namespace zhuanlan
