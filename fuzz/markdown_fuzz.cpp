// A Markdown body rendered with image and link resolution, as a news
// item's is, in a scratch content folder holding one real photo
// (images/a.jpg) and a page beside it (news/x.md), so that fuzzed image
// paths can resolve, miss, or try to leave content/.
//
// The call to the renderer is the one function below, so that moving
// Markdown rendering (load/ -> render/) changes only it.
#include "fuzz_support.h"
#include "load/markdown.h"
#include "render/markdown_html.h"
#include "util/diagnostics.h"

using namespace zhuanlan;
namespace fs = std::filesystem;

namespace {

const fs::path& content_dir() {
  static const fs::path dir = [] {
    const fs::path content = fuzz::scratch_dir() / "content";
    fuzz::write_photo(content / "images" / "a.jpg");
    fuzz::write_file(content / "news" / "x.md", "---\ntitle: x\n---\n");
    return content;
  }();
  return dir;
}

void render(std::string_view body, bool raw_html, Diagnostics& diagnostics) {
  MarkdownSource source;
  source.text = body;
  source.file = "content/news/fuzz.md";
  source.first_line = 4;
  source.content_dir = content_dir();
  source.file_dir_in_content = "news";
  source.raw_html = raw_html;
  const auto document = parse_markdown(source, diagnostics);
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
