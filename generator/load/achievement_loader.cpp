#include "load/achievement_loader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "load/csv.h"
#include "load/json_document.h"
#include "load/image_refs.h"
#include "load/markdown.h"
#include "load/markdown_file.h"
#include "load/text_encoding.h"
#include "model/exhibition_model.h"
#include "util/files.h"
#include "util/hash.h"
#include "util/partial_date.h"
#include "util/text.h"
#include "util/nearest_name.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kCardSummaryChars = 80;

// The fields of a record: JSON key, CSV header in Chinese, what it means.
struct FieldName {
  std::string key, header, meaning;
};
const std::vector<FieldName>& field_names() {
  static const std::vector<FieldName> names = {
      {"id", "编号", "编号"},         {"title", "标题", "成果名称"},      {"department", "单位", "所属单位"},
      {"category", "类别", "成果类别"}, {"level", "级别", "级别"},          {"date", "日期", "日期"},
      {"people", "人员", "相关人员"},   {"summary", "简介", "简介"},        {"images", "图片", "图片"},
      {"captions", "图片说明", "图片说明"}, {"link", "链接", "相关链接"},
  };
  return names;
}
const std::string& meaning_of(const std::string& key) {
  for (const auto& field : field_names()) {
    if (field.key == key) return field.meaning;
  }
  return key;
}

// Where a field was written, for messages.
struct FieldPlace {
  int line = 0;        // JSON line, or CSV row
  std::string prefix;  // CSV: "第 3 列（C 列“级别”）：", JSON: ""
};

struct ImageEntry {
  std::string src, caption;
  FieldPlace place;
};

// One record as written, before it is checked: a JSON object or a CSV row.
struct RawRecord {
  std::string source;
  std::string dir_in_content;
  bool from_csv = false;
  int line = 0;
  std::map<std::string, std::string> text;  // by JSON key
  std::map<std::string, FieldPlace> places;  // by JSON key
  std::vector<std::string> people;
  std::vector<ImageEntry> images;

  FieldPlace place_of(const std::string& key) const {
    const auto it = places.find(key);
    return it == places.end() ? FieldPlace{line, ""} : it->second;
  }
  std::string value(const std::string& key) const {
    const auto it = text.find(key);
    return it == text.end() ? std::string() : collapse_whitespace(it->second);
  }
};

std::vector<std::string> split_list(const std::string& text, const std::vector<std::string>& separators) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < text.size();) {
    const auto separator = std::find_if(separators.begin(), separators.end(), [&](const std::string& s) {
      return text.compare(i, s.size(), s) == 0;
    });
    if (separator == separators.end()) {
      out.back() += text[i++];
      continue;
    }
    out.emplace_back();
    i += separator->size();
  }
  std::vector<std::string> items;
  for (const auto& item : out) {
    if (std::string trimmed = collapse_whitespace(item); !trimmed.empty()) items.push_back(std::move(trimmed));
  }
  return items;
}

const std::vector<std::string> kListSeparators = {"、", "；", ";", "\n"};
const std::vector<std::string> kCaptionSeparators = {"；", ";", "\n"};

std::string lowercase_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return extension;
}

bool is_web_link(const std::string& text) { return text.rfind("https://", 0) == 0 || text.rfind("http://", 0) == 0; }

// Checks one record and turns it into an Achievement.
std::optional<Achievement> finish_record(const RawRecord& raw, const LoadContext& context, Diagnostics& diagnostics) {
  const int errors_before = diagnostics.error_count();
  const auto problem = [&](const std::string& key, const std::string& message) {
    const FieldPlace place = raw.place_of(key);
    diagnostics.error(raw.source, place.line, place.prefix + message);
  };
  Achievement a;
  a.source = raw.source;
  a.line = raw.line;
  a.title = raw.value("title");
  a.department = raw.value("department");
  a.category = raw.value("category");
  for (const std::string key : {"title", "department", "category"}) {
    if (!raw.value(key).empty()) continue;
    problem(key, raw.from_csv ? "缺少必填的" + meaning_of(key) + "，请在这个单元格里填写"
                              : "缺少必填项 \"" + key + "\"（" + meaning_of(key) + "），请写上 \"" + key + "\": \"……\"");
  }
  if (auto warning = unlisted_name_warning(a.department, context.site.departments, "单位", "departments"); !warning.empty()) {
    const FieldPlace place = raw.place_of("department");
    diagnostics.warning(raw.source, place.line, place.prefix + warning);
  }
  a.level = raw.value("level");
  const auto& levels = achievement_levels();
  if (!a.level.empty() && std::find(levels.begin(), levels.end(), a.level) == levels.end()) {
    const std::string near = nearest_name(a.level, levels);
    problem("level", "级别“" + a.level + "”不是国家级、省级、市级、校级之一" +
                         (near.empty() ? "，请改成其中之一，或不填" : "，是不是“" + near + "”？"));
  }
  if (const std::string written = raw.value("date"); !written.empty()) {
    std::string error;
    if (const auto date = parse_partial_date(written, &error)) {
      a.date = format_partial_date_iso(*date);
      a.date_text = format_partial_date_chinese(*date);
    } else {
      problem("date", error);
    }
  }
  a.id = raw.value("id");
  if (a.id.empty()) {
    a.id = derived_achievement_id(a.department, a.title, a.date);
  } else if (!is_valid_slug(a.id) || a.id == "index") {
    problem("id", "编号（id）“" + a.id + "”只能由小写英文字母、数字和 - 组成（也不能是 index），例如 2024-national-skills-gold");
  }
  a.url = "exhibition/" + a.id + ".html";
  for (const auto& name : raw.people) {
    if (std::find(a.people.begin(), a.people.end(), name) == a.people.end()) a.people.push_back(name);
  }
  a.link = raw.value("link");
  if (!a.link.empty() && !is_web_link(a.link)) {
    problem("link", "相关链接“" + a.link + "”应当是以 https:// 或 http:// 开头的完整网址");
  }

  for (const auto& entry : raw.images) {
    std::string error;
    auto image = resolve_image(context, raw.dir_in_content, entry.src, &error);
    if (!image) {
      diagnostics.error(raw.source, entry.place.line, entry.place.prefix + "图片" + error);
      continue;
    }
    image->alt = entry.caption;
    image->caption = entry.caption;
    if (entry.caption.empty()) {
      diagnostics.error(raw.source, entry.place.line,
                        entry.place.prefix + "图片 " + entry.src + " 缺少图片说明，请写一句话说明图片内容（" +
                            (raw.from_csv ? "填在“图片说明”列，多张图片的说明用 ；分隔" : "\"caption\": \"……\"") + "）");
    }
    a.gallery.push_back(*image);
    a.images.push_back(std::move(*image));
  }

  if (const auto summary = raw.text.find("summary"); summary != raw.text.end()) {
    const FieldPlace place = raw.place_of("summary");
    a.summary_markdown = parse_markdown({summary->second, raw.source, place.line, raw.dir_in_content}, context, diagnostics);
    a.summary_text = make_summary(collapse_whitespace(a.summary_markdown->plain_text), kCardSummaryChars);
    for (const auto& image : a.summary_markdown->images) a.images.push_back(image);
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return a;
}

// ---- JSON ---------------------------------------------------------------

std::vector<RawRecord> read_json_records(const std::string& text, const std::string& source,
                                         const std::string& dir_in_content, Diagnostics& diagnostics) {
  std::vector<RawRecord> records;
  const auto doc = parse_json_document(text, source, diagnostics);
  if (!doc) return records;
  std::vector<std::string> pointers;
  if (doc->value.is_object()) {
    pointers.push_back("");
  } else if (doc->value.is_array()) {
    for (std::size_t i = 0; i < doc->value.size(); ++i) {
      std::string pointer = "/";  // built in two steps: GCC 12 warns wrongly about "/" + to_string
      pointer += std::to_string(i);
      if (doc->value[i].is_object()) pointers.push_back(pointer);
      else diagnostics.error(source, doc->line_of(pointer), "列表中的每一项都应当是 { } 括起来的一项成果");
    }
  } else {
    diagnostics.error(source, 1, "文件的最外层应当是 { } 括起来的一项成果，或 [ ] 括起来的多项成果");
  }
  for (const auto& pointer : pointers) {
    JsonFields fields(*doc, pointer, source, diagnostics);
    RawRecord raw;
    raw.source = source;
    raw.dir_in_content = dir_in_content;
    raw.line = doc->line_of(pointer);
    for (const std::string key : {"id", "title", "department", "category", "level", "date", "summary", "link"}) {
      if (auto value = fields.text(key, false, meaning_of(key))) {
        raw.text[key] = std::move(*value);
        raw.places[key] = {fields.line_of(key), ""};
      }
    }
    for (auto& name : fields.text_list("people", meaning_of("people"))) {
      if (std::string trimmed = collapse_whitespace(name); !trimmed.empty()) raw.people.push_back(std::move(trimmed));
    }
    for (auto& image : fields.object_list("images", "图片列表")) {
      ImageEntry entry;
      entry.src = image.text("src", true, "图片路径，相对于 content/").value_or("");
      entry.caption = collapse_whitespace(image.text("caption", false, "图片说明").value_or(""));
      entry.place = {image.line_of("src"), ""};
      image.warn_unknown_keys();
      if (!entry.src.empty()) raw.images.push_back(std::move(entry));
    }
    fields.warn_unknown_keys();
    records.push_back(std::move(raw));
  }
  return records;
}

// ---- CSV ----------------------------------------------------------------

std::string cell_prefix(int column, const std::string& header) {
  return "第 " + std::to_string(column) + " 列（" + column_letters(column) + " 列" +
         (header.empty() ? "" : "“" + header + "”") + "）：";
}

std::vector<RawRecord> read_csv_records(const std::string& bytes, const std::string& source,
                                        const std::string& dir_in_content, Diagnostics& diagnostics) {
  std::vector<RawRecord> records;
  DecodeError decode_error;
  const auto decoded = decode_spreadsheet_text(bytes, &decode_error);
  if (!decoded) {
    diagnostics.error(source, decode_error.line, decode_error.message);
    return records;
  }
  const CsvTable table = parse_csv(decoded->utf8);
  std::set<int> broken_rows;
  for (const auto& p : table.problems) {
    diagnostics.error(source, p.row, cell_prefix(p.column, "") + p.message);
    broken_rows.insert(p.row);
  }
  if (table.rows.empty()) {
    diagnostics.warning(source, 0, "文件是空的，没有读到任何成果");
    return records;
  }

  // Row 1 names the columns, in Chinese or with the JSON keys.
  const std::vector<std::string>& header_row = table.rows[0];
  std::vector<std::string> headers, keys;  // by column
  std::map<std::string, int> column_of;    // key -> 1-based column
  for (std::size_t c = 0; c < header_row.size(); ++c) {
    const int column = static_cast<int>(c) + 1;
    const std::string header = collapse_whitespace(header_row[c]);
    headers.push_back(header);
    keys.emplace_back();
    if (header.empty()) continue;
    const auto field = std::find_if(field_names().begin(), field_names().end(),
                                    [&](const FieldName& f) { return f.header == header || f.key == header; });
    if (field == field_names().end()) {
      diagnostics.warning(source, 1,
                          cell_prefix(column, header) +
                              "不认识这个表头，这一列不会被使用。可用的表头：标题、单位、类别、级别、日期、人员、简介、图片、"
                              "图片说明、编号、链接（也可以用 title、department 等英文字段名）");
      continue;
    }
    if (const auto [it, inserted] = column_of.emplace(field->key, column); !inserted) {
      diagnostics.error(source, 1,
                        cell_prefix(column, header) + "这一列与第 " + std::to_string(it->second) + " 列（" +
                            column_letters(it->second) + " 列）都是" + field->meaning + "，请删去其中一列");
      continue;
    }
    keys.back() = field->key;
  }
  bool has_required = true;
  for (const std::string key : {"title", "department", "category"}) {
    if (column_of.count(key)) continue;
    const auto& field = *std::find_if(field_names().begin(), field_names().end(),
                                      [&](const FieldName& f) { return f.key == key; });
    diagnostics.error(source, 1, "第 1 行（表头）缺少“" + field.header + "”列（" + field.meaning +
                                     "）。第 1 行应当是表头，例如：标题,单位,类别,级别,日期,人员,简介,图片,图片说明");
    has_required = false;
  }
  if (!has_required) return records;

  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const int row = static_cast<int>(r) + 1;
    const std::vector<std::string>& cells = table.rows[r];
    if (broken_rows.count(row)) continue;
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return collapse_whitespace(c).empty(); })) {
      continue;  // spreadsheets export blank rows at the end
    }
    if (cells.size() != headers.size()) {
      diagnostics.error(source, row,
                        "这一行有 " + std::to_string(cells.size()) + " 个单元格，而表头有 " +
                            std::to_string(headers.size()) +
                            " 个。通常是某个单元格里有英文逗号或换行，却没有用英文双引号括起来；"
                            "请在表格软件中检查这一行，再重新另存为 CSV");
      continue;
    }
    RawRecord raw;
    raw.source = source;
    raw.dir_in_content = dir_in_content;
    raw.from_csv = true;
    raw.line = row;
    for (std::size_t c = 0; c < headers.size(); ++c) {
      if (keys[c].empty()) continue;
      raw.text[keys[c]] = cells[c];
      raw.places[keys[c]] = {row, cell_prefix(static_cast<int>(c) + 1, headers[c])};
    }
    raw.people = split_list(raw.text["people"], kListSeparators);
    const std::vector<std::string> sources = split_list(raw.text["images"], kListSeparators);
    // One picture takes the whole caption cell; several are paired with
    // captions split at ；or line breaks, or else at 、.
    std::vector<std::string> captions = split_list(raw.text["captions"], kCaptionSeparators);
    if (sources.size() == 1) captions = {collapse_whitespace(raw.text["captions"])};
    else if (captions.size() != sources.size()) captions = split_list(raw.text["captions"], kListSeparators);
    if (sources.size() > 1 && captions.size() != sources.size() && !captions.empty()) {
      const FieldPlace place = raw.place_of(column_of.count("captions") ? "captions" : "images");
      diagnostics.error(source, row,
                        place.prefix + "有 " + std::to_string(sources.size()) + " 张图片，却有 " +
                            std::to_string(captions.size()) + " 条图片说明。请为每张图片写一条说明，用 ；分隔，顺序与图片相同");
      continue;
    }
    for (std::size_t k = 0; k < sources.size(); ++k) {
      raw.images.push_back({sources[k], k < captions.size() ? captions[k] : "", raw.place_of("images")});
    }
    records.push_back(std::move(raw));
  }
  return records;
}

std::vector<Achievement> load_achievement_file(const LoadContext& context, const fs::path& path, Diagnostics& diagnostics) {
  std::vector<Achievement> out;
  const std::string source = path.lexically_relative(context.site_dir).generic_string();
  std::string dir_in_content = path.parent_path().lexically_relative(context.content_dir()).generic_string();
  const auto bytes = read_file(path);
  if (!bytes) {
    diagnostics.error(source, 0, "无法读取这个文件，请检查文件权限");
    return out;
  }
  const bool csv = lowercase_extension(path) == ".csv";
  const auto records = csv ? read_csv_records(*bytes, source, dir_in_content, diagnostics)
                           : read_json_records(*bytes, source, dir_in_content, diagnostics);
  for (const auto& raw : records) {
    if (auto achievement = finish_record(raw, context, diagnostics)) out.push_back(std::move(*achievement));
  }
  return out;
}

}  // namespace

std::string derived_achievement_id(const std::string& department, const std::string& title, const std::string& date) {
  const std::string hash = sha256_hex(department + "\n" + title + "\n" + date).substr(0, 8);
  return date.empty() ? "a-" + hash : date + "-" + hash;
}

std::vector<Achievement> load_achievements(const LoadContext& context, Diagnostics& diagnostics) {
  // Extensions in any case: files saved on Windows are often 成果.CSV.
  std::vector<fs::path> files;
  for (auto& path : list_files(context.content_dir() / "achievements", "")) {
    const std::string extension = lowercase_extension(path);
    if (extension == ".json" || extension == ".csv") {
      files.push_back(std::move(path));
    } else if (extension == ".xlsx" || extension == ".xls" || extension == ".et") {
      diagnostics.warning(path.lexically_relative(context.site_dir).generic_string(), 0,
                          "表格文件不能直接读取，这个文件不会被使用。请在表格软件中“另存为”CSV 格式");
    }
  }
  const auto per_file = load_all<std::vector<Achievement>>(files, diagnostics, [&](const fs::path& path, Diagnostics& found) {
    return std::optional<std::vector<Achievement>>(load_achievement_file(context, path, found));
  });
  std::vector<Achievement> out;
  for (const auto& file : per_file) out.insert(out.end(), file.begin(), file.end());
  return out;
}

}  // namespace zhuanlan
