// End-to-end tests of the image pipeline: web versions in a built site, the
// cache across builds, broken photos, and originals on request.
#include <gtest/gtest.h>

#include <vips/vips8>

#include "test_support.h"
#include "util/files.h"
#include "write/build_site.h"
#include "write/image_cache.h"
#include "write/image_files.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

std::string news(const std::string& title, const std::string& extra, const std::string& body) {
  return "---\ntitle: " + title + "\ndate: 2025-05-13 10:00\ndepartment: 教务处\n" + extra + "---\n" + body + "\n";
}

std::pair<int, int> size_of(const fs::path& file) {
  const vips::VImage image = vips::VImage::new_from_file(file.c_str());
  return {image.width(), image.height()};
}

class ImageBuildTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
    // A phone photo: stored 2400x1600 and turned by its EXIF orientation,
    // with the camera's serial number and the GPS position in it.
    testing::write_photo(site_.path() / "content/images/phone.jpg", {2400, 1600, 6, true});
    testing::write_photo(site_.path() / "content/images/b.jpg", {1200, 900, 1, false});
    testing::write_text(site_.path() / "content/news/one.md",
                        news("第一条", "cover: images/phone.jpg\n", "正文。\n\n![乙](images/b.jpg \"说明乙\")"));
  }

  BuildResult build(const fs::path& out) {
    BuildOptions options;
    options.site_dir = site_.path();
    options.out_dir = out;
    const BuildResult result = build_site(options);
    for (const auto& d : result.diagnostics.items) {
      if (d.severity == Severity::error) std::cerr << format_diagnostic(d) << '\n';
    }
    return result;
  }

  testing::TempDir site_;
  testing::TempDir outputs_;
};

TEST_F(ImageBuildTest, PublishesUprightWebVersionsWithoutMetadataAndNotTheOriginals) {
  const fs::path out = outputs_.path() / "public";
  ASSERT_TRUE(build(out).ok);
  for (const char* file : {"images/phone-480.webp", "images/phone-800.webp", "images/phone-1200.webp",
                           "images/phone.webp", "images/phone-480.jpg", "images/phone-800.jpg",
                           "images/phone-1200.jpg", "images/phone.jpg", "images/b-480.jpg", "images/b.webp"}) {
    EXPECT_TRUE(fs::exists(out / file)) << file;
  }
  // Upright (portrait), web-sized: the 2400 px original is not published.
  EXPECT_EQ(size_of(out / "images/phone.jpg"), std::make_pair(1600, 2400));
  EXPECT_EQ(size_of(out / "images/phone-480.webp"), std::make_pair(480, 720));
  EXPECT_EQ(size_of(out / "images/b.jpg"), std::make_pair(1200, 900));  // never enlarged
  EXPECT_FALSE(fs::exists(out / "images/phone-original.jpg"));
  EXPECT_FALSE(fs::exists(out / "images/b-1600.jpg"));
  for (const auto& [path, bytes] : testing::read_tree(out)) {
    EXPECT_EQ(bytes.find("SN-0042-PRIVATE"), std::string::npos) << path;
    if (path.rfind("images/", 0) != 0) continue;
    for (const auto& field : testing::image_fields(out / path)) {
      EXPECT_EQ(field.rfind("exif", 0), std::string::npos) << path << " keeps " << field;
      EXPECT_NE(field, "xmp-data") << path;
    }
  }
  const std::string page = testing::read_text(out / "news/one.html");
  EXPECT_NE(page.find("<figure class=\"article-cover\"><picture><source type=\"image/webp\" srcset=\"../images/phone-480.webp 480w"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("width=\"1600\" height=\"2400\" alt=\"第一条\" decoding=\"async\""), std::string::npos) << page;
  EXPECT_NE(page.find("../images/b.jpg 1200w\" sizes=\"(min-width: 52rem) 45rem, 100vw\" width=\"1200\" height=\"900\" "
                      "alt=\"乙\" loading=\"lazy\""),
            std::string::npos)
      << page;
  // The cache is the site's, never inside the output.
  EXPECT_TRUE(fs::is_directory(site_.path() / ".zhuanlan-cache/images"));
  for (const auto& [path, bytes] : testing::read_tree(out)) EXPECT_EQ(path.find("zhuanlan-cache"), std::string::npos);
}

TEST_F(ImageBuildTest, UnchangedPhotosAreNeverDecodedAgainChangedOnesAreRemovedOnesLeave) {
  const fs::path out = outputs_.path() / "public";
  const BuildResult first = build(out);
  ASSERT_TRUE(first.ok);
  EXPECT_EQ(first.images.made, 2u);
  EXPECT_EQ(first.images.reused, 0u);
  EXPECT_EQ(first.images.hashed, 2u);

  const BuildResult again = build(out);
  ASSERT_TRUE(again.ok);
  EXPECT_EQ(again.images.made, 0u);  // nothing decoded
  EXPECT_EQ(again.images.reused, 2u);
  EXPECT_EQ(again.images.hashed, 0u);  // nor even read
  EXPECT_EQ(again.files_written, 0u);

  // A new photo under the same name is made again; the other is not.
  testing::write_photo(site_.path() / "content/images/b.jpg", {1000, 800, 1, false});
  const BuildResult changed = build(out);
  ASSERT_TRUE(changed.ok);
  EXPECT_EQ(changed.images.made, 1u);
  EXPECT_EQ(changed.images.reused, 1u);
  EXPECT_EQ(changed.images.hashed, 1u);
  EXPECT_EQ(size_of(out / "images/b.jpg"), std::make_pair(1000, 800));
  EXPECT_NE(testing::read_text(out / "news/one.html").find("width=\"1000\" height=\"800\""), std::string::npos);

  // A photo no longer used leaves the output with all its versions.
  testing::write_text(site_.path() / "content/news/one.md", news("第一条", "cover: images/phone.jpg\n", "正文。"));
  fs::remove(site_.path() / "content/images/b.jpg");
  ASSERT_TRUE(build(out).ok);
  for (const auto& entry : fs::directory_iterator(out / "images")) {
    EXPECT_EQ(entry.path().filename().string().rfind("b", 0), std::string::npos) << entry.path();
  }
}

TEST_F(ImageBuildTest, BrokenPhotosStopTheBuildNamingThePhotoAndThePageThatUsesIt) {
  const fs::path out = outputs_.path() / "public";
  ASSERT_TRUE(build(out).ok);
  const auto before = testing::read_tree(out);

  testing::write_photo(site_.path() / "content/images/whole.jpg", {1600, 1200, 1, false});
  const std::string whole = *read_file(site_.path() / "content/images/whole.jpg");
  testing::write_text(site_.path() / "content/images/cut.jpg", whole.substr(0, whole.size() / 2));
  testing::write_text(site_.path() / "content/images/empty.jpg", "");
  testing::write_photo(site_.path() / "content/images/real.png", {});
  fs::rename(site_.path() / "content/images/real.png", site_.path() / "content/images/named.jpg");
  testing::write_photo(site_.path() / "content/images/huge.jpg", {30000, 20, 1, false});
  testing::write_text(site_.path() / "content/news/cut.md", news("截断", "", "![甲](images/cut.jpg \"说明\")"));
  testing::write_text(site_.path() / "content/news/empty.md", news("空文件", "cover: images/empty.jpg\nslug: empty\n", "正文。"));
  testing::write_text(site_.path() / "content/news/named.md", news("改名", "", "![乙](images/named.jpg)"));
  testing::write_text(site_.path() / "content/activities/a.json",
                      R"({ "id": "a", "title": "活动", "start": "2025-05-13", "lead": "教务处",
  "images": [ { "src": "images/huge.jpg", "caption": "全景" } ] })");

  const BuildResult failed = build(out);
  EXPECT_FALSE(failed.ok);
  const auto error_about = [&](const std::string& file, const std::string& text) {
    for (const auto& d : failed.diagnostics.items) {
      if (d.severity == Severity::error && d.file == file && d.message.find(text) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(error_about("content/news/empty.md", "封面图片 content/images/empty.jpg 是空文件"));
  EXPECT_TRUE(error_about("content/news/named.md", "图片 content/images/named.jpg 的扩展名是“.jpg”，内容却是 PNG 图片"));
  EXPECT_TRUE(error_about("content/activities/a.json", "图片 content/images/huge.jpg 有 30000×20 像素"));
  // A file cut short has a sound header: it is found while decoding, which
  // starts once the content loads without errors.
  EXPECT_EQ(failed.diagnostics.error_count(), 3);
  EXPECT_EQ(testing::read_tree(out), before);
  fs::remove(site_.path() / "content/news/empty.md");
  fs::remove(site_.path() / "content/news/named.md");
  fs::remove(site_.path() / "content/activities/a.json");
  const BuildResult cut = build(out);
  EXPECT_FALSE(cut.ok);
  ASSERT_EQ(cut.diagnostics.error_count(), 1);
  EXPECT_EQ(cut.diagnostics.items[0].file, "content/news/cut.md");
  EXPECT_NE(cut.diagnostics.items[0].message.find("图片 content/images/cut.jpg 不完整"), std::string::npos)
      << cut.diagnostics.items[0].message;
  EXPECT_EQ(testing::read_tree(out), before);  // nothing published
  EXPECT_FALSE(fs::exists(outputs_.path() / "public.zhuanlan-stage"));
}

// The file of the image cache that holds these bytes (a published image is
// a hard link to one while both are whole).
fs::path cache_file_with(const fs::path& site, const std::string& bytes) {
  for (const auto& file : fs::recursive_directory_iterator(site / ".zhuanlan-cache/images")) {
    if (file.is_regular_file() && file.file_size() == bytes.size() && testing::read_text(file.path()) == bytes) {
      return file.path();
    }
  }
  ADD_FAILURE() << "no cache file holds these bytes";
  return {};
}

bool warns(const Diagnostics& diagnostics, const std::string& text) {
  for (const auto& d : diagnostics.items) {
    if (d.severity == Severity::warning && d.message.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST_F(ImageBuildTest, ACacheFileCutShortIsNoticedByCheckAndRemadeByTheNextBuildWhichPublishesItWhole) {
  const fs::path out = outputs_.path() / "public";
  ASSERT_TRUE(build(out).ok);
  const fs::path published = out / "images/b-480.jpg";
  const std::string whole = testing::read_text(published);
  const std::string sibling = testing::read_text(out / "images/b.jpg");  // same cache entry, left whole
  // What the first build published, as a deploy tool's hard link would keep it.
  const fs::path first_published = outputs_.path() / "first-b-480.jpg";
  fs::create_hard_link(published, first_published);
  const fs::path cached = cache_file_with(site_.path(), whole);
  EXPECT_TRUE(fs::equivalent(cached, published));
  fs::resize_file(cached, whole.size() / 2);
  const std::string damaged = testing::read_text(first_published);

  // check notices, says the site may show a broken image and that a build mends it.
  const testing::CommandRun checked =
      testing::run_command(std::string(ZHUANLAN_BINARY) + " check --today 2025-05-10 --site " + site_.path().string() + " 2>&1");
  EXPECT_EQ(checked.status, 0) << checked.output;
  EXPECT_NE(checked.output.find("警告：图片 content/images/b.jpg 在图片缓存（.zhuanlan-cache/images）中处理好的文件 "
                                "480.jpg 已损坏（大小与生成时记录的不同，可能被截断），已重新生成"),
            std::string::npos)
      << checked.output;
  EXPECT_NE(checked.output.find("请重新构建一次"), std::string::npos) << checked.output;

  // check made the entry again; cut short once more, then built.
  fs::resize_file(cache_file_with(site_.path(), whole), whole.size() / 2);
  const BuildResult rebuilt = build(out);
  ASSERT_TRUE(rebuilt.ok);
  EXPECT_EQ(rebuilt.images.damaged, 1u);
  EXPECT_EQ(rebuilt.images.made, 1u);
  EXPECT_TRUE(warns(rebuilt.diagnostics, "480.jpg 已损坏（大小与生成时记录的不同，可能被截断），已重新生成。本次发布的是重新生成的文件"));
  EXPECT_EQ(testing::read_text(published), whole);
  EXPECT_EQ(size_of(published), std::make_pair(480, 360));
  EXPECT_EQ(testing::read_text(out / "images/b.jpg"), sibling);
  // The remade entry is new files: the first build's file was not written to.
  EXPECT_EQ(testing::read_text(first_published), damaged);
  EXPECT_FALSE(fs::equivalent(first_published, published));

  // Bytes changed in place with the size kept are found by their hash.
  const std::string bytes = testing::read_text(out / "images/phone-800.jpg");
  const fs::path jpeg = cache_file_with(site_.path(), bytes);
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x55;
  testing::write_text(jpeg, flipped);
  const BuildResult again = build(out);
  ASSERT_TRUE(again.ok);
  EXPECT_EQ(again.images.damaged, 1u);
  EXPECT_TRUE(warns(again.diagnostics, "800.jpg 已损坏（内容与生成时记录的校验值不符或文件缺失）"));
  EXPECT_EQ(testing::read_text(out / "images/phone-800.jpg"), bytes);
}

TEST_F(ImageBuildTest, DrawingsArePublishedWithoutScriptsAndMalformedOnesStopTheBuildAtTheirLine) {
  testing::write_text(site_.path() / "content/images/map.svg",
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                      "viewBox=\"0 0 120 80\" width=\"120\" height=\"80\" onload=\"alert(1)\">\n"
                      "<script>alert(document.cookie)</script>\n"
                      "<foreignObject width=\"9\" height=\"9\"><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p></foreignObject>\n"
                      "<a xlink:href=\"javascript:alert(2)\"><path d=\"M0 0H120V80z\" fill=\"#8ab\"/></a>\n"
                      "<text x=\"4\" y=\"20\">图书馆</text>\n</svg>\n");
  testing::write_text(site_.path() / "content/news/map.md", news("地图", "", "![校园地图](images/map.svg)"));
  const fs::path out = outputs_.path() / "public";
  ASSERT_TRUE(build(out).ok);
  const std::string published = testing::read_text(out / "images/map.svg");
  for (const char* gone : {"script", "alert", "onload", "foreignObject", "javascript", "xhtml\">x"}) {
    EXPECT_EQ(published.find(gone), std::string::npos) << gone << " in " << published;
  }
  for (const char* kept : {"viewBox=\"0 0 120 80\"", "<path d=\"M0 0H120V80z\" fill=\"#8ab\"/>", "<text x=\"4\" y=\"20\">图书馆</text>"}) {
    EXPECT_NE(published.find(kept), std::string::npos) << kept << " not in " << published;
  }
  EXPECT_NE(testing::read_text(out / "news/map.html").find("../images/map.svg"), std::string::npos);
  const auto before = testing::read_tree(out);

  // Found while loading (libvips cannot read them), at the line that names
  // the drawing, with the drawing's own line from libxml2; the second has a
  // prefix never declared, which a browser would refuse too.
  const std::string open = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 80\" width=\"120\" height=\"80\">\n";
  for (const auto& [body, expected] :
       {std::pair<std::string, std::string>{"<g>\n<rect width=\"5\" height=\"5\">\n</g>\n</svg>\n",
                                            "第 4 行：不是格式正确的 SVG 文件（技术信息：Opening and ending tag mismatch"},
        {"<rect width=\"5\" height=\"5\"/>\n<use xlink:href=\"#a\"/>\n</svg>\n",
         "第 3 行：不是格式正确的 SVG 文件（技术信息：Namespace prefix xlink"}}) {
    testing::write_text(site_.path() / "content/images/map.svg", open + body);
    const BuildResult broken = build(out);
    EXPECT_FALSE(broken.ok);
    ASSERT_EQ(broken.diagnostics.error_count(), 1);
    const Diagnostic& error = broken.diagnostics.items.front();
    EXPECT_EQ(error.file, "content/news/map.md");
    EXPECT_EQ(error.line, 6);
    EXPECT_NE(error.message.find("图片 content/images/map.svg " + expected), std::string::npos) << error.message;
    EXPECT_EQ(testing::read_tree(out), before);
  }

  // The image stage cleans what loading measured; a drawing that went bad
  // in between is an error at the drawing's own line, naming its pages.
  SiteImage drawing;
  drawing.image.content_path = drawing.image.published_path = "images/map.svg";
  drawing.used_by = {"content/news/map.md"};
  ImageStats stats;
  Diagnostics diagnostics;
  const ImageWork work{site_.path() / "content", image_cache_dir(site_.path()), {}};
  EXPECT_TRUE(make_image_files({drawing}, work, stats, diagnostics).empty());
  ASSERT_EQ(diagnostics.error_count(), 1);
  const Diagnostic& unbound = diagnostics.items.front();
  EXPECT_EQ(unbound.file, "content/images/map.svg");
  EXPECT_EQ(unbound.line, 3);
  EXPECT_NE(unbound.message.find("SVG 矢量图 content/images/map.svg 不是格式正确的 SVG 文件"), std::string::npos)
      << unbound.message;
  EXPECT_NE(unbound.message.find("用到它的有 content/news/map.md"), std::string::npos) << unbound.message;
  EXPECT_EQ(testing::read_tree(out), before);
}

TEST_F(ImageBuildTest, OriginalsArePublishedOnlyWhenTheSiteOptsInAndStillWithoutMetadata) {
  testing::write_text(site_.path() / "content/site.json",
                      testing::minimal_site_json(R"("images": { "publish_originals": true, "max_bytes": 8000000 })"));
  const fs::path out = outputs_.path() / "public";
  const BuildResult result = build(out);
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(size_of(out / "images/phone-original.jpg"), std::make_pair(1600, 2400));
  EXPECT_EQ(read_file(out / "images/phone-original.jpg")->find("SN-0042-PRIVATE"), std::string::npos);
  for (const auto& field : testing::image_fields(out / "images/phone-original.jpg")) {
    EXPECT_EQ(field.rfind("exif", 0), std::string::npos) << field;
  }
  EXPECT_NE(testing::read_text(out / "news/one.html").find("<a class=\"image-original\" href=\"../images/phone-original.jpg\">"),
            std::string::npos);
  testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json(R"("images": { "max_bytes": -1 })"));
  const BuildResult bad = build(outputs_.path() / "other");
  EXPECT_FALSE(bad.ok);
  EXPECT_NE(bad.diagnostics.items.at(0).message.find("images.max_bytes 应当是正整数"), std::string::npos);
}

TEST_F(ImageBuildTest, TheCliSaysInOneLineWhatItDidWithThePhotos) {
  const std::string command = std::string(ZHUANLAN_BINARY) + " build --site " + site_.path().string() + " 2>&1";
  for (const char* expected : {"图片：2 张（新处理 2 张，使用缓存 0 张）", "图片：2 张（新处理 0 张，使用缓存 2 张）"}) {
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[4096];
    while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
    EXPECT_EQ(pclose(pipe), 0) << output;
    EXPECT_NE(output.find(expected), std::string::npos) << output;
    EXPECT_EQ(output.find("正在处理图片"), std::string::npos) << output;  // not a terminal: no progress line
  }
}

}  // namespace
}  // namespace zhuanlan
