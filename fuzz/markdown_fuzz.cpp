// A Markdown body rendered with image and link resolution, as a news
// item's is, in a scratch content folder holding one real photo
// (images/a.jpg) and a page beside it (news/x.md), so that fuzzed image
// paths can resolve, miss, or try to leave content/.
//
// The call to the renderer is the one function below, so that moving
// Markdown rendering (load/ -> render/) changes only it.
#include "fuzz_support.h"
#include "load/image_refs.h"
#include "load/markdown.h"
#include "render/markdown_html.h"
#include "util/diagnostics.h"

using namespace zhuanlan;
namespace fs = std::filesystem;

namespace {

const fs::path& site_dir() {
  static const fs::path dir = [] {
    const fs::path content = fuzz::scratch_dir() / "content";
    fuzz::write_photo(content / "images" / "a.jpg");
    fuzz::write_file(content / "news" / "x.md", "---\ntitle: x\n---\n");
    return fuzz::scratch_dir();
  }();
  return dir;
}

void render(std::string_view body, bool raw_html, Diagnostics& diagnostics) {
  SiteConfig site;
  site.raw_html = raw_html;
  ImageHeaders headers;  // fresh for each input, as for each load
  const auto document =
      parse_markdown({body, "content/news/fuzz.md", 4, "news"}, {site_dir(), site, headers}, diagnostics);
  (void)markdown_html(document, {"news/fuzz.html", true});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte chooses whether raw HTML is allowed (markdown.raw_html).
  Diagnostics diagnostics;
  render(fuzz::as_text(data + 1, size - 1), (data[0] & 1) != 0, diagnostics);
  return 0;
}
