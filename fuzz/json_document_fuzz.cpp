// JSON documents with line numbers (site.json, activities, media, tour,
// achievements), read with the typed accessors loaders use.
#include "fuzz_support.h"
#include "load/json_document.h"
#include "util/diagnostics.h"

using namespace zhuanlan;

namespace {

void read_object(JsonFields& fields, int depth) {
  if (!fields.is_object()) return;
  fields.text("id", false, "编号");
  fields.text("title", true, "标题");
  fields.boolean("open_to_public");
  fields.integer("teachers", "人数");
  fields.text_list("partners", "合作单位");
  fields.text_map("day_themes", "主题日");
  (void)fields.line_of("title");
  if (depth < 3) {
    if (auto week = fields.object("week", "日期范围")) read_object(*week, depth + 1);
    for (JsonFields& image : fields.object_list("images", "图片")) read_object(image, depth + 1);
  }
  fields.warn_unknown_keys();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Diagnostics diagnostics;
  const std::string file = "content/activities/fuzz.json";
  // Any exception that escapes is a finding: loaders must turn every
  // library error into a diagnostic.
  const std::optional<JsonDocument> doc =
      parse_json_document(std::string(fuzz::as_text(data, size)), file, diagnostics);
  if (!doc) return 0;
  (void)doc->line_of("/0/x");
  if (doc->value.is_array()) {
    for (std::size_t i = 0; i < doc->value.size() && i < 16; ++i) {
      JsonFields element(*doc, "/" + std::to_string(i), file, diagnostics);
      read_object(element, 0);
    }
  } else {
    JsonFields root(*doc, "", file, diagnostics);
    read_object(root, 0);
  }
  return 0;
}
