#include "write/image_processing.h"

#include <gtest/gtest.h>

#include <vips/vips8>

#include <fstream>

#include "test_support.h"
#include "util/files.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

vips::VImage open(const fs::path& file) { return vips::VImage::new_from_file(file.c_str()); }

// True if a metadata field could say something about the photo's origin.
bool is_private(const std::string& field) {
  for (const char* prefix : {"exif", "xmp", "iptc", "icc", "gps", "orientation", "photoshop"}) {
    std::string lower = field;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find(prefix) != std::string::npos) return true;
  }
  return false;
}

TEST(ImageProcessing, TurnsThePhotoUprightByItsExifOrientation) {
  testing::TempDir dir;
  // Stored 300x200 with orientation 6 (turn 90° clockwise to view): the
  // bright block stored top-left must show top-right.
  testing::write_photo(dir.path() / "phone.jpg", {300, 200, 6, false});
  make_web_versions(dir.path() / "phone.jpg", {200}, {ImageFormat::jpeg, ImageFormat::webp}, dir.path());
  for (const char* name : {"200.jpg", "200.webp"}) {
    const vips::VImage out = open(dir.path() / name).copy_memory();
    EXPECT_EQ(out.width(), 200) << name;
    EXPECT_EQ(out.height(), 300) << name;
    EXPECT_GT(out(190, 10)[0], 240) << name;  // the block, now top-right
    EXPECT_LT(out(10, 10)[0], 200) << name;
  }
  // The full-size copy is turned losslessly (write/jpeg_transform): 200
  // rows are not a whole number of 16-row blocks, so the last 8 go.
  make_full_size(dir.path() / "phone.jpg", ImageFormat::jpeg, dir.path() / "full.jpg");
  const vips::VImage full = open(dir.path() / "full.jpg").copy_memory();
  EXPECT_EQ(full.width(), 192);
  EXPECT_EQ(full.height(), 300);
  EXPECT_GT(full(185, 10)[0], 240);  // the block, now top-right
  EXPECT_LT(full(10, 10)[0], 200);
  // A PNG is saved as JPEG anew, whole.
  testing::write_photo(dir.path() / "drawing.png", {300, 200, 1, false});
  make_full_size(dir.path() / "drawing.png", ImageFormat::jpeg, dir.path() / "drawing.jpg");
  EXPECT_EQ(open(dir.path() / "drawing.jpg").width(), 300);
}

TEST(ImageProcessing, EveryFileHasItsMetadataRemoved) {
  testing::TempDir dir;
  testing::write_photo(dir.path() / "gps.jpg", {1000, 700, 1, true});
  // The source really carries what must not be published.
  const auto source_fields = testing::image_fields(dir.path() / "gps.jpg");
  const auto has = [&](const std::string& name) {
    return std::find(source_fields.begin(), source_fields.end(), name) != source_fields.end();
  };
  ASSERT_TRUE(has("exif-ifd3-GPSLatitude"));
  ASSERT_TRUE(has("exif-ifd2-BodySerialNumber"));
  ASSERT_TRUE(has("xmp-data"));
  ASSERT_NE(read_file(dir.path() / "gps.jpg")->find("SN-0042-PRIVATE"), std::string::npos);

  make_web_versions(dir.path() / "gps.jpg", {480, 1000}, {ImageFormat::webp, ImageFormat::jpeg, ImageFormat::png},
                    dir.path());
  make_full_size(dir.path() / "gps.jpg", ImageFormat::jpeg, dir.path() / "full.jpg");
  for (const char* name : {"480.webp", "480.jpg", "480.png", "1000.webp", "1000.jpg", "full.jpg"}) {
    for (const auto& field : testing::image_fields(dir.path() / name)) {
      EXPECT_FALSE(is_private(field)) << name << " keeps " << field;
    }
    const std::string bytes = *read_file(dir.path() / name);
    for (const char* secret : {"SN-0042-PRIVATE", "TestCam", "Private Person", "Exif", "GPS"}) {
      EXPECT_EQ(bytes.find(secret), std::string::npos) << name << " contains " << secret;
    }
  }
  EXPECT_EQ(open(dir.path() / "480.jpg").width(), 480);
  EXPECT_EQ(open(dir.path() / "480.jpg").height(), 336);
  EXPECT_EQ(open(dir.path() / "1000.webp").width(), 1000);
}

TEST(ImageProcessing, APhotoCutShortIsAnErrorNotAGreyBand) {
  testing::TempDir dir;
  testing::write_photo(dir.path() / "whole.jpg", {1200, 900, 1, false});
  const std::string bytes = *read_file(dir.path() / "whole.jpg");
  testing::write_text(dir.path() / "cut.jpg", bytes.substr(0, bytes.size() / 2));
  try {
    make_web_versions(dir.path() / "cut.jpg", {480, 1200}, {ImageFormat::jpeg}, dir.path());
    FAIL() << "a truncated JPEG was accepted";
  } catch (const ImageError& e) {
    EXPECT_NE(std::string(e.what()).find("不完整"), std::string::npos) << e.what();
  }
}

TEST(ImageProcessing, APhotoWithDamagedDataInTheMiddleIsAnError) {
  // Not cut short: the file is whole, but bytes in the middle of the scan
  // data are overwritten, as a bad card or transfer leaves them. libjpeg
  // only warns ("Corrupt JPEG data") and paints garbage.
  testing::TempDir dir;
  testing::write_photo(dir.path() / "whole.jpg", {1200, 900, 1, false});
  std::string bytes = *read_file(dir.path() / "whole.jpg");
  const std::size_t scan = bytes.find("\xFF\xDA");
  ASSERT_NE(scan, std::string::npos);
  const std::size_t middle = scan + (bytes.size() - scan) / 2;
  unsigned noise = 12345;  // fixed pseudo-random bytes, never 0xFF (no markers)
  for (std::size_t i = 0; i < 2000; ++i) {
    noise = noise * 1103515245u + 12345u;
    bytes[middle + i] = static_cast<char>((noise >> 16) % 0xFF);
  }
  testing::write_text(dir.path() / "damaged.jpg", bytes);
  EXPECT_EQ(bytes.size(), read_file(dir.path() / "whole.jpg")->size());
  try {
    make_web_versions(dir.path() / "damaged.jpg", {480, 1200}, {ImageFormat::jpeg}, dir.path());
    FAIL() << "a JPEG with damaged scan data was accepted";
  } catch (const ImageError& e) {
    EXPECT_NE(std::string(e.what()).find("损坏"), std::string::npos) << e.what();
  }
}

TEST(ImageProcessing, TheFingerprintNamesTheLibraryVersion) {
  EXPECT_NE(processing_fingerprint().find(vips_version_string()), std::string::npos);
}

}  // namespace
}  // namespace zhuanlan
