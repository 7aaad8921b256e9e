#include "load/tour_loader.h"

#include <set>

#include "load/image_refs.h"
#include "load/json_document.h"
#include "load/markdown.h"
#include "util/files.h"
#include "util/text.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

const std::string kFile = "content/tour.json";

std::optional<ImageRef> image_field(JsonFields& fields, const std::string& key, bool required,
                                    const std::string& meaning, const std::string& alt, const LoadContext& context,
                                    bool panorama, Diagnostics& diagnostics) {
  const auto written = fields.text(key, required, meaning);
  if (!written) return std::nullopt;
  std::string error;
  auto image = resolve_image(context, "", *written, &error);
  if (!image) {
    diagnostics.error(kFile, fields.line_of(key), meaning + error);
    return std::nullopt;
  }
  image->alt = alt;
  image->panorama = panorama;
  return image;
}

std::optional<double> coordinate(JsonFields& fields, const JsonDocument& doc, const std::string& pointer,
                                 const std::string& key, Diagnostics& diagnostics) {
  fields.asked(key);
  const auto& object = doc.value.at(nlohmann::json::json_pointer(pointer));
  const auto it = object.find(key);
  if (it == object.end()) {
    diagnostics.error(kFile, doc.line_of(pointer),
                      "缺少 \"" + key + "\"：站点在地图上的位置，取值 0 到 1，例如 \"x\": 0.42, \"y\": 0.31");
    return std::nullopt;
  }
  if (!it->is_number() || it->get<double>() < 0.0 || it->get<double>() > 1.0) {
    diagnostics.error(kFile, fields.line_of(key),
                      "\"" + key + "\" 应当是 0 到 1 之间的数（占地图" + (key == "x" ? "宽度" : "高度") +
                          "的比例，0 为" + (key == "x" ? "最左边" : "最上边") + "，1 为" + (key == "x" ? "最右边" : "最下边") +
                          "），现在是 " + it->dump());
    return std::nullopt;
  }
  return it->get<double>();
}

}  // namespace

std::optional<Tour> load_tour(const LoadContext& context, Diagnostics& diagnostics) {
  const auto text = read_file(context.site_dir / kFile);
  if (!text) return std::nullopt;
  const auto doc = parse_json_document(*text, kFile, diagnostics);
  if (!doc) return std::nullopt;
  if (!doc->value.is_object()) {
    diagnostics.error(kFile, 1, "tour.json 的最外层应当是 { } 括起来的对象，包含 \"map\" 和 \"stops\"");
    return std::nullopt;
  }
  const int errors_before = diagnostics.error_count();
  JsonFields fields(*doc, "", kFile, diagnostics);
  Tour tour;
  tour.title = fields.text("title", false, "标题").value_or(tour.title);
  tour.intro = collapse_whitespace(fields.text("intro", false, "简介").value_or(""));
  if (auto map = image_field(fields, "map", true, "校园地图", "校园平面图", context, false, diagnostics)) {
    // The map has no caption field: what it is is its caption, so check
    // does not ask for one the user cannot write.
    tour.map = *map;
    tour.map.caption = tour.map.alt;
  }
  fields.asked("stops");
  const auto& stops = doc->value.contains("stops") ? doc->value.at("stops") : nlohmann::json();
  if (!stops.is_array() || stops.empty()) {
    diagnostics.error(kFile, fields.line_of("stops"), "\"stops\" 应当是参观路线上各站点的列表 [ { … }, { … } ]");
  }
  std::map<std::string, int> first_line;
  for (std::size_t i = 0; stops.is_array() && i < stops.size(); ++i) {
    const std::string pointer = "/stops/" + std::to_string(i);
    JsonFields stop_fields(*doc, pointer, kFile, diagnostics);
    if (!stop_fields.is_object()) {
      diagnostics.error(kFile, doc->line_of(pointer), "每个站点应当是 { } 括起来的对象");
      continue;
    }
    TourStop stop;
    stop.line = doc->line_of(pointer);
    stop.id = stop_fields.text("id", true, "站点编号，小写英文字母、数字和 -").value_or("");
    if (!stop.id.empty() && !is_valid_slug(stop.id)) {
      diagnostics.error(kFile, stop_fields.line_of("id"), "站点 id “" + stop.id + "”只能由小写英文字母、数字和 - 组成");
    }
    if (const auto [it, inserted] = first_line.emplace(stop.id, stop.line); !inserted && !stop.id.empty()) {
      diagnostics.error(kFile, stop.line,
                        "站点 id “" + stop.id + "”与第 " + std::to_string(it->second) + " 行的站点重复，每个站点的 id 必须不同");
    }
    stop.url = "tour/" + stop.id + ".html";
    stop.name = collapse_whitespace(stop_fields.text("name", true, "站点名称").value_or(""));
    stop.x = coordinate(stop_fields, *doc, pointer, "x", diagnostics).value_or(0);
    stop.y = coordinate(stop_fields, *doc, pointer, "y", diagnostics).value_or(0);
    if (auto photo = image_field(stop_fields, "photo", true, "照片", stop.name, context, false, diagnostics)) {
      stop.photo = *photo;
      stop.photo.caption = collapse_whitespace(stop_fields.text("caption", false, "照片说明").value_or(""));
    }
    stop.panorama = image_field(stop_fields, "panorama", false, "全景照片", stop.name + "（360° 全景）", context, true,
                                diagnostics);
    stop.external_url = stop_fields.text("external_url", false, "外部全景网址").value_or("");
    if (!stop.external_url.empty() && stop.external_url.rfind("https://", 0) != 0 &&
        stop.external_url.rfind("http://", 0) != 0) {
      diagnostics.error(kFile, stop_fields.line_of("external_url"), "\"external_url\" 应当以 https:// 开头");
    }
    if (auto description = stop_fields.text("description", false, "介绍")) {
      stop.description_markdown = parse_markdown({*description, kFile, stop_fields.line_of("description"), ""},
                                                 context, diagnostics);
      stop.description_text = collapse_whitespace(stop.description_markdown->plain_text);
    }
    stop.activities = stop_fields.text_list("activities", "在这里举办的活动 id");
    stop.achievements = stop_fields.text_list("achievements", "在这里展出的成果 id");
    stop_fields.warn_unknown_keys();
    tour.stops.push_back(std::move(stop));
  }
  fields.warn_unknown_keys();
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return tour;
}

}  // namespace zhuanlan
