#pragma once
// What every Markdown file with front matter (news, pages, people) shares:
// bytes checked as UTF-8, front matter split and parsed, the URL name taken
// from `slug` or the file name; and loading many files in parallel.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "load/front_matter.h"
#include "load/load_context.h"
#include "load/markdown.h"
#include "load/yaml_fields.h"
#include "model/content.h"
#include "util/diagnostics.h"
#include "util/parallel.h"

namespace zhuanlan {

struct MarkdownFile {
  std::string source;            // content/news/a.md
  std::string dir_in_content;    // news
  std::string text;
  FrontMatterSplit split;        // views into text
  YamlDocument front_matter;
};

// Problems go to diagnostics; nullopt when the file cannot be used at all.
std::optional<MarkdownFile> read_markdown_file(const std::filesystem::path& site_dir, const std::filesystem::path& path,
                                               Diagnostics& diagnostics);

// The body parsed, with its images checked and measured.
std::shared_ptr<const MarkdownDocument> parse_body(const MarkdownFile& file, const LoadContext& context,
                                                   Diagnostics& diagnostics);

// The image a front matter field names (a news cover, a person's photo),
// checked and measured; a bad path is an error on the field's line, with
// `meaning` (封面图片, 照片) naming it. nullopt when absent or bad.
std::optional<ImageRef> image_field(YamlFields& fields, const std::string& key, const std::string& meaning,
                                    const MarkdownFile& file, const LoadContext& context, Diagnostics& diagnostics);

// The `slug` field when valid, else an ASCII slug of the file name.
std::string slug_for(YamlFields& fields, const std::filesystem::path& path, Diagnostics& diagnostics);

// Loads files in parallel; results and messages come back in file order.
template <typename Item, typename LoadOne>
std::vector<Item> load_all(const std::vector<std::filesystem::path>& files, Diagnostics& diagnostics,
                           LoadOne load_one) {
  std::vector<std::optional<Item>> loaded(files.size());
  std::vector<Diagnostics> found(files.size());
  parallel_for(files.size(), [&](std::size_t i) { loaded[i] = load_one(files[i], found[i]); });
  std::vector<Item> out;
  out.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    diagnostics.append(found[i]);
    if (loaded[i]) out.push_back(std::move(*loaded[i]));
  }
  return out;
}

}  // namespace zhuanlan
