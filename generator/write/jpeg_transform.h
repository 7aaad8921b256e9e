#pragma once
// A photo's own JPEG data, turned upright and without metadata, without
// decoding it: libjpeg-turbo's lossless transform (as jpegtran does) moves
// the compressed blocks, so the copy keeps the original's quality and about
// its size. Used for the full-size copies (the report's featured photos,
// images.publish_originals); write/image_processing re-encodes only when
// this cannot be done.
#include <optional>
#include <string>

namespace zhuanlan {

// jpeg: the file's bytes; orientation: its EXIF orientation (1-8; other
// values count as 1). Returns the transformed file with every marker
// (EXIF, XMP, IPTC, ICC profile, comments) dropped, or nullopt when the
// data is damaged or cut short. Where the picture is not a whole number of
// blocks (8 or 16 px) along an edge that the turn moves, that partial block
// row or column is dropped: the copy is then up to 15 px narrower or lower.
std::optional<std::string> lossless_upright_jpeg(const std::string& jpeg, int orientation);

}  // namespace zhuanlan
