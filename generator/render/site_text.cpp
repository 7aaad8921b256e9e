#include "render/site_text.h"

#include <stdexcept>

#include "load/json_document.h"
#include "render/embedded_files.h"
#include "util/files.h"

namespace zhuanlan {
namespace {

const char* const kPath = "layouts/strings.json";

std::string shipped_strings() {
  for (const auto& file : embedded_files()) {
    if (file.path == kPath) return std::string(file.bytes);
  }
  return {};
}

// Parses one strings file (with the line of every member, load/json_document)
// into an object; nullopt and an error if it is not one.
std::optional<JsonDocument> parse_strings(const std::string& text, const std::string& file, Diagnostics& diagnostics) {
  auto document = parse_json_document(text, file, diagnostics);
  if (!document) return std::nullopt;
  if (!document->value.is_object()) {
    diagnostics.error(file, 1, "文字文件应当是一对大括号 { } 括起的 \"名称\": \"文字\" 列表");
    return std::nullopt;
  }
  return document;
}

}  // namespace

const std::string& SiteText::get(std::string_view key) const {
  const auto it = texts_.find(key);
  if (it == texts_.end()) {
    throw std::runtime_error("程序自带的 layouts/strings.json 中没有文字项“" + std::string(key) + "”");
  }
  return it->second;
}

std::string SiteText::fill(std::string_view key, const Values& values) {
  const auto it = templates_.find(key);
  if (it == templates_.end()) return get(key);
  kainjow::mustache::data d;
  for (const auto& [name, value] : values) d.set(name, value);
  return it->second.render(d);
}

bool SiteText::set(const std::string& key, const std::string& text, std::string& error_message) {
  templates_.erase(key);
  if (text.find("{{") != std::string::npos) {
    kainjow::mustache::mustache compiled(text);
    if (!compiled.is_valid()) {
      error_message = compiled.error_message();
      return false;
    }
    // The page template escapes the filled text where it shows it.
    compiled.set_custom_escape([](const std::string& value) { return value; });
    templates_.insert_or_assign(key, std::move(compiled));
  }
  texts_.insert_or_assign(key, text);
  return true;
}

std::optional<SiteText> load_site_text(const std::filesystem::path& site_dir, Diagnostics& diagnostics) {
  const std::string shipped_path = std::string("程序自带的 ") + kPath;
  const std::string shipped_text = shipped_strings();
  const auto shipped = parse_strings(shipped_text, shipped_path, diagnostics);
  if (!shipped) return std::nullopt;
  SiteText text;
  bool ok = true;
  std::string error_message;
  for (const auto& [key, value] : shipped->value.items()) {
    if (!value.is_string() || !text.set(key, value.get<std::string>(), error_message)) {
      diagnostics.error(shipped_path, 0, "文字项“" + key + "”有误");
      ok = false;
    }
  }
  const auto own_text = read_file(site_dir / kPath);
  if (!own_text) return ok ? std::optional<SiteText>(std::move(text)) : std::nullopt;

  const auto own = parse_strings(*own_text, kPath, diagnostics);
  if (!own) return std::nullopt;
  const auto line_of = [&](const std::string& key) { return own->line_of("/" + json_pointer_token(key)); };
  for (const auto& [key, value] : own->value.items()) {
    if (!text.has(key)) {
      diagnostics.warning(kPath, line_of(key),
                          "程序不认识文字项“" + key + "”，它不会出现在网页上。请检查名称是否与程序自带的 " +
                              kPath + " 中的一致（名称不要改，只改冒号后面的文字）");
      continue;
    }
    if (!value.is_string()) {
      diagnostics.error(kPath, line_of(key), "文字项“" + key + "”应当是加引号的文字，例如 \"" + key + "\": \"……\"");
      ok = false;
      continue;
    }
    if (!text.set(key, value.get<std::string>(), error_message)) {
      diagnostics.error(kPath, line_of(key),
                        "文字项“" + key + "”中的 {{ }} 有误：" + error_message + "。占位符写成 {{页码}} 这样，成对的两个大括号");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return text;
}

}  // namespace zhuanlan
