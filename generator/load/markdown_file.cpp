#include "load/markdown_file.h"

#include "load/image_refs.h"
#include "util/files.h"
#include "util/text.h"

namespace zhuanlan {
namespace fs = std::filesystem;

std::optional<MarkdownFile> read_markdown_file(const fs::path& site_dir, const fs::path& path,
                                               Diagnostics& diagnostics) {
  MarkdownFile file;
  const fs::path relative = path.lexically_relative(site_dir);
  file.source = relative.generic_string();
  file.dir_in_content = path.parent_path().lexically_relative(site_dir / "content").generic_string();
  if (file.dir_in_content == ".") file.dir_in_content.clear();
  auto text = read_file(path);
  if (!text) {
    diagnostics.error(file.source, 0, "无法读取这个文件，请检查文件权限");
    return std::nullopt;
  }
  file.text = std::move(*text);
  if (const auto bad = find_invalid_utf8(file.text)) {
    int line = 1;
    for (std::size_t i = 0; i < *bad; ++i) line += file.text[i] == '\n';
    diagnostics.error(file.source, line,
                      "文件不是有效的 UTF-8 编码（第 " + std::to_string(*bad + 1) +
                          " 个字节处）。请在编辑器中把文件另存为“UTF-8”编码（Windows 记事本：另存为 → 编码选 UTF-8）");
    return std::nullopt;
  }
  std::string error;
  int error_line = 0;
  auto split = split_front_matter(file.text, &error, &error_line);
  if (!split) {
    diagnostics.error(file.source, error_line, error);
    return std::nullopt;
  }
  if (!split->present) {
    diagnostics.error(file.source, 1,
                      "文件开头缺少 front matter。请在第一行写 ---，接着写 title: 标题 等字段，再写一行 --- 后开始正文");
    return std::nullopt;
  }
  file.split = *split;
  auto yaml = parse_front_matter_yaml(split->yaml, file.source, split->yaml_first_line, diagnostics);
  if (!yaml) return std::nullopt;
  file.front_matter = std::move(*yaml);
  return file;
}

std::shared_ptr<const MarkdownDocument> parse_body(const MarkdownFile& file, const LoadContext& context,
                                                   Diagnostics& diagnostics) {
  return parse_markdown({file.split.body, file.source, file.split.body_first_line, file.dir_in_content}, context,
                        diagnostics);
}

std::optional<ImageRef> image_field(YamlFields& fields, const std::string& key, const std::string& meaning,
                                    const MarkdownFile& file, const LoadContext& context, Diagnostics& diagnostics) {
  const auto written = fields.text(key, false, meaning);
  if (!written) return std::nullopt;
  std::string error;
  auto image = resolve_image(context, file.dir_in_content, *written, &error);
  if (!image) diagnostics.error(file.source, fields.line_of(key), meaning + error);
  return image;
}

std::string slug_for(YamlFields& fields, const fs::path& path, Diagnostics& diagnostics) {
  if (auto slug = fields.text("slug", false, "网址名")) {
    if (is_valid_slug(*slug)) return *slug;
    diagnostics.error(fields.file(), fields.line_of("slug"),
                      "slug “" + *slug + "”只能由小写英文字母、数字和 - 组成，例如 slug: auto-repair-contest");
  }
  return ascii_slug(path.stem().string());
}

}  // namespace zhuanlan
