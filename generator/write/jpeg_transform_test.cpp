#include "write/jpeg_transform.h"

#include <gtest/gtest.h>

#include <vips/vips8>

#include "test_support.h"
#include "util/files.h"
#include "util/vips_runtime.h"

namespace zhuanlan {
namespace {

// The largest difference between two decoded images of the same size. A
// turned copy decodes a little differently where colour is subsampled (the
// decoder smooths the halved chroma along other axes): up to 2 or 3 levels;
// a new encoding differs more.
double max_difference(const vips::VImage& a, const vips::VImage& b) {
  return (a.cast(VIPS_FORMAT_INT) - b.cast(VIPS_FORMAT_INT)).abs().max();
}

TEST(JpegTransform, TurnsUprightWithoutDecodingAndDropsEveryMarker) {
  start_vips();
  testing::TempDir dir;
  const auto source = dir.path() / "turned.jpg";
  testing::write_photo(source, {320, 240, 6, true});
  const std::string original = *read_file(source);
  const auto upright = lossless_upright_jpeg(original, 6);
  ASSERT_TRUE(upright);
  EXPECT_EQ(upright->find("SN-0042-PRIVATE"), std::string::npos);
  EXPECT_EQ(upright->find("Private Person"), std::string::npos);
  EXPECT_EQ(upright->find("Exif"), std::string::npos);
  const auto copy = dir.path() / "copy.jpg";
  testing::write_text(copy, *upright);
  const vips::VImage turned = vips::VImage::new_from_file(copy.c_str());
  EXPECT_EQ(turned.width(), 240);
  EXPECT_EQ(turned.height(), 320);
  EXPECT_EQ(turned.get_typeof(VIPS_META_ORIENTATION), 0);
  // The same pixels as the original shown upright: nothing was re-encoded.
  const vips::VImage expected = vips::VImage::new_from_file(source.c_str()).autorot();
  EXPECT_LE(max_difference(turned, expected), 3.0);
  // Not turned: exactly the original's pixels.
  const auto plain = lossless_upright_jpeg(original, 1);
  ASSERT_TRUE(plain);
  testing::write_text(copy, *plain);
  EXPECT_EQ(max_difference(vips::VImage::new_from_file(copy.c_str()), vips::VImage::new_from_file(source.c_str())), 0.0);
}

TEST(JpegTransform, DropsAPartialEdgeBlockRatherThanReencodeAndRefusesDamagedData) {
  start_vips();
  testing::TempDir dir;
  const auto odd = dir.path() / "odd.jpg";
  testing::write_photo(odd, {328, 250, 6, false});  // 250 rows: a partial block row at the bottom
  const auto upright = lossless_upright_jpeg(*read_file(odd), 6);
  ASSERT_TRUE(upright);
  const auto copy = dir.path() / "copy.jpg";
  testing::write_text(copy, *upright);
  const vips::VImage turned = vips::VImage::new_from_file(copy.c_str());
  EXPECT_EQ(turned.height(), 328);
  EXPECT_LT(turned.width(), 250);
  EXPECT_GE(turned.width(), 250 - 15);
  // The bottom rows went: shown upright, they were the left columns.
  const vips::VImage expected = vips::VImage::new_from_file(odd.c_str()).autorot();
  EXPECT_LE(max_difference(turned, expected.crop(250 - turned.width(), 0, turned.width(), 328)), 3.0);
  EXPECT_TRUE(lossless_upright_jpeg(*read_file(odd), 1));  // no turn: nothing moves
  const std::string whole = *read_file(odd);
  EXPECT_FALSE(lossless_upright_jpeg(whole.substr(0, whole.size() / 2), 1));  // cut short
  EXPECT_FALSE(lossless_upright_jpeg("not a jpeg", 1));
}

}  // namespace
}  // namespace zhuanlan
