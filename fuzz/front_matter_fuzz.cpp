// Front matter split and YAML fields, as a news file's are read: the fuzzed
// bytes are a whole Markdown file. Every problem must become a diagnostic;
// a crash, an exception or a sanitizer report is a finding.
#include "fuzz_support.h"
#include "load/front_matter.h"
#include "load/yaml_fields.h"
#include "util/diagnostics.h"

#include <utility>

using namespace zhuanlan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  std::string error;
  int error_line = 0;
  const auto split = split_front_matter(text, &error, &error_line);
  if (!split || !split->present) return 0;
  Diagnostics diagnostics;
  const std::string file = "content/news/fuzz.md";
  auto node = parse_front_matter_yaml(split->yaml, file, split->yaml_first_line, diagnostics);
  if (!node) return 0;
  YamlFields fields(std::move(*node), file, split->yaml_first_line, diagnostics);
  fields.text("title", true, "标题");
  fields.text("date", false, "日期");
  fields.boolean("draft", false);
  fields.integer("weight");
  fields.text_list("tags");
  fields.text_list("departments");
  (void)fields.line_of("title");
  (void)fields.line_of("missing");
  (void)fields.has("cover");
  fields.warn_unknown_keys();
  return 0;
}
